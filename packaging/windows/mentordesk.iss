; Inno Setup recipe for the MentorDesk installer on Windows.
; Build dist\MentorDesk first (python packaging\build.py), sign its two programs, then:
;   iscc /DAppVersion=0.1.0 packaging\windows\mentordesk.iss
; The installer lands in dist\MentorDesk-<version>-windows-setup.exe; sign it too
; (packaging\README.md, "Windows").

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=0.1.0 packaging\windows\mentordesk.iss
#endif
#define AppName "MentorDesk"
#define AppExe "MentorDesk.exe"
#define Root "..\.."

[Setup]
; Never change AppId: it is how Windows knows a new version replaces the old one.
AppId={{5B0E6C1E-3A52-4D1C-9B7F-6D2E1A4C8F30}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=MentorDesk
VersionInfoVersion={#AppVersion}
VersionInfoDescription=MentorDesk installer
; Per-user by default (no administrator needed, as in an office without IT);
; an administrator may choose "for all users" in the first page.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\{#AppExe}
SetupIconFile={#Root}\build\packaging\mentordesk.ico
LicenseFile={#Root}\packaging\LICENSE.txt
OutputDir={#Root}\dist
OutputBaseFilename={#AppName}-{#AppVersion}-windows-setup
Compression=lzma2/ultra64
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Closes a running MentorDesk (after asking) so its files can be replaced.
CloseApplications=yes
ChangesAssociations=yes
; Sign the installer and the uninstaller with the certificate named in the
; "mentordesk" sign tool (Tools > Configure Sign Tools in the Inno Setup IDE, or
; iscc "/Smentordesk=signtool sign /fd SHA256 /tr <timestamp URL> /td SHA256 /a $f").
#ifdef Sign
SignTool=mentordesk
SignedUninstaller=yes
#endif

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; GroupDescription: "Shortcuts:"
Name: "association"; Description: "Open .mentordesk programme files with MentorDesk"; GroupDescription: "Files:"

[Files]
; The whole folder PyInstaller made; replaced as a whole on upgrade.
Source: "{#Root}\dist\MentorDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; Files of an older version that this one no longer ships.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{#AppName} self-test"; Filename: "{cmd}"; Parameters: "/k ""{app}\mentordesk-cli.exe"" self-test --window"; IconFilename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
Root: HKA; Subkey: "Software\Classes\.mentordesk"; ValueType: string; ValueName: ""; ValueData: "MentorDesk.Programme"; Flags: uninsdeletevalue; Tasks: association
Root: HKA; Subkey: "Software\Classes\MentorDesk.Programme"; ValueType: string; ValueName: ""; ValueData: "MentorDesk programme file"; Flags: uninsdeletekey; Tasks: association
Root: HKA; Subkey: "Software\Classes\MentorDesk.Programme\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: association
Root: HKA; Subkey: "Software\Classes\MentorDesk.Programme\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: association

[Run]
Filename: "{app}\{#AppExe}"; Description: "Start MentorDesk"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the program folder: programme files, their backups and settings stay.
Type: dirifempty; Name: "{app}"
