#!/bin/sh
# Install the MentorDesk folder for this user (or, as root with --system, for everyone):
# the program under ~/.local/lib/mentordesk, `mentordesk` and `mentordesk-cli` in
# ~/.local/bin, a menu entry, the icon and the *.mentordesk file type.
#   ./install.sh [--system] [--uninstall]
# Run it from the unpacked MentorDesk folder (it sits beside the MentorDesk program).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
prefix="${HOME}/.local"
action=install
for argument in "$@"; do
    case "$argument" in
        --system) prefix=/usr/local ;;
        --uninstall) action=uninstall ;;
        -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
        *) echo "install.sh: unknown option $argument (try --help)" >&2; exit 2 ;;
    esac
done

program_dir="$prefix/lib/mentordesk"
share="$prefix/share"

refresh() {
    # Each is optional: desktops without them pick the changes up at the next login.
    update-mime-database "$share/mime" >/dev/null 2>&1 || true
    update-desktop-database "$share/applications" >/dev/null 2>&1 || true
    gtk-update-icon-cache -q "$share/icons/hicolor" >/dev/null 2>&1 || true
}

if [ "$action" = uninstall ]; then
    rm -rf "$program_dir"
    rm -f "$prefix/bin/mentordesk" "$prefix/bin/mentordesk-cli" \
        "$share/applications/mentordesk.desktop" \
        "$share/icons/hicolor/scalable/apps/mentordesk.svg" \
        "$share/mime/packages/mentordesk.xml"
    refresh
    echo "MentorDesk is uninstalled. Programme files, their backups and settings were left alone."
    exit 0
fi

if [ ! -x "$here/MentorDesk" ] || [ ! -d "$here/_internal" ]; then
    echo "install.sh: run me from the MentorDesk folder (beside the MentorDesk program)." >&2
    exit 1
fi

# The new folder is copied beside the old one and swapped in, so a failed copy
# leaves the installed version working.
mkdir -p "$prefix/lib" "$prefix/bin" "$share/applications" \
    "$share/icons/hicolor/scalable/apps" "$share/mime/packages"
rm -rf "$program_dir.new"
cp -R "$here" "$program_dir.new"
rm -rf "$program_dir.old"
if [ -d "$program_dir" ]; then mv "$program_dir" "$program_dir.old"; fi
mv "$program_dir.new" "$program_dir"
rm -rf "$program_dir.old"

ln -sf "$program_dir/MentorDesk" "$prefix/bin/mentordesk"
ln -sf "$program_dir/MentorDesk" "$prefix/bin/mentordesk-cli"
sed "s|^Exec=.*|Exec=$program_dir/MentorDesk %f|" \
    "$here/_internal/share/mentordesk.desktop" > "$share/applications/mentordesk.desktop"
cp "$here/_internal/share/mentordesk.svg" "$share/icons/hicolor/scalable/apps/mentordesk.svg"
cp "$here/_internal/share/mentordesk-mime.xml" "$share/mime/packages/mentordesk.xml"
refresh

echo "MentorDesk is installed in $program_dir."
echo "Start it from the applications menu, or run: $prefix/bin/mentordesk"
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "Add $prefix/bin to your PATH to type mentordesk and mentordesk-cli anywhere." ;;
esac
