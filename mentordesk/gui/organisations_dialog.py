"""Programme ▸ Organisations…: the organisations people typed, grouped, and merged.

Each organisation is shown with the spellings counted as it and how many people
typed each. The coordinator selects spellings of one organisation and merges
them into one name ("Merge into…"), or undoes a merge; reports, the Dashboard
and matching count people by those names (``services.organisations``).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from mentordesk.formats.text import plural
from mentordesk.gui.context import WindowContext
from mentordesk.gui.ops import run_op, unless_deleted
from mentordesk.gui.programme_settings import hint_label
from mentordesk.services.organisations import (
    OrganisationGroup,
    merge_organisations,
    organisation_variants,
    unmerge_organisation,
)
from mentordesk.store.programme_file import ProgrammeFile

#: How a spelling comes to count as its group's name, as the list says it.
MERGED = "merged by you"
ALIKE = "written alike"
#: The data role holding a row's spelling (None on a group's row).
SPELLING_ROLE = Qt.ItemDataRole.UserRole


class MergeDialog(QDialog):
    """Asks which name the selected spellings count as from now on.

    Attributes:
        name: the name, chosen among the organisations listed or typed.
    """

    def __init__(self, parent: QWidget, spellings: Sequence[str], names: Sequence[str]) -> None:
        super().__init__(parent)
        self.setObjectName("merge_dialog")
        self.setWindowTitle("Merge organisations")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.spellings = list(spellings)
        self.name = QComboBox(self)
        self.name.setObjectName("merge_name")
        self.name.setEditable(True)
        self.name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.name.addItems(list(names))
        self.name.setMinimumContentsLength(40)
        shown = ", ".join(f"“{s}”" for s in self.spellings[:6])
        if len(self.spellings) > 6:
            shown += f" and {len(self.spellings) - 6} more"
        intro = QLabel(f"Count the people who typed {shown} as one organisation, named:", self)
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setObjectName("button_box")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Merge")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.name.editTextChanged.connect(
            lambda text: buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
                bool(text.strip())
            )
        )
        form = QFormLayout()
        form.addRow("&Name:", self.name)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(
            hint_label(
                self,
                "Spellings written alike (case, accents, “&” or “and”, an abbreviation in "
                "brackets) follow their spelling.",
            )
        )
        layout.addWidget(buttons)

    def chosen_name(self) -> str:
        """The name typed or chosen, spaces trimmed."""
        return self.name.currentText().strip()


class OrganisationsDialog(QDialog):
    """The Organisations list: names, their spellings with counts, merging and undoing merges.

    Attributes:
        scope: whose organisations are listed: the programme shown or everyone in the file.
        search: words a name or one of its spellings contains.
        tree: one row per organisation, its spellings below it.
        merge_button, unmerge_button: act on the spellings selected.
        count: how many organisations and people are listed.

    Signals:
        loaded: the list was (re)loaded.
        changed: a merge was made or undone (with what to say of it).
    """

    loaded = Signal()
    changed = Signal(str)

    NAME, PEOPLE, HOW = range(3)

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else context.widget())
        self.setObjectName("organisations_dialog")
        self.setWindowTitle("Organisations")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.context = context
        self.groups: list[OrganisationGroup] = []
        self._request = 0
        self.scope = QComboBox(self)
        self.scope.setObjectName("scope")
        programme = context.programme()
        if programme is not None:
            self.scope.addItem(f"Applicants to {programme.name}", programme.id)
        self.scope.addItem("Everyone in the file", None)
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText("Search…")
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("organisations_tree")
        self.tree.setHeaderLabels(["Organisation and its spellings", "People", "Counted as it"])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        em = self.tree.fontMetrics().horizontalAdvance("n")
        self.tree.setColumnWidth(self.PEOPLE, 9 * em)
        self.tree.setColumnWidth(self.HOW, 16 * em)
        self.count = QLabel(self)
        self.count.setObjectName("organisations_count")
        self.merge_button = QPushButton("&Merge into…", self)
        self.merge_button.setObjectName("merge_button")
        self.merge_button.setToolTip(
            "Count the selected spellings (or organisations) as one organisation"
        )
        self.unmerge_button = QPushButton("&Undo merge", self)
        self.unmerge_button.setObjectName("unmerge_button")
        self.unmerge_button.setToolTip(
            "Count the selected spellings you merged as they are written again"
        )
        self.merge_button.clicked.connect(self.ask_merge)
        self.unmerge_button.clicked.connect(self.unmerge_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setObjectName("button_box")
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        caption = QLabel("&Show:", self)
        caption.setBuddy(self.scope)
        top.addWidget(caption)
        top.addWidget(self.scope)
        top.addWidget(self.search, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.merge_button)
        bottom.addWidget(self.unmerge_button)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "The organisations people typed, as reports, the Dashboard and matching count "
            "them: spellings written alike count as one. Select spellings of one "
            "organisation written differently (another language, a nickname) and merge "
            "them into one name.",
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addLayout(bottom)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.search.textChanged.connect(lambda _text: self._filter())
        self.scope.currentIndexChanged.connect(lambda _index: self.reload())
        self.changed.connect(self._after_change)
        self.resize(900, 600)
        self._update_buttons()
        self.reload()

    @property
    def programme_file(self) -> ProgrammeFile:
        """The open file (the dialog closes with it)."""
        opened = self.context.programme_file
        assert opened is not None, "the Organisations list needs an open file"
        return opened

    def reload(self) -> None:
        """Load the organisations of the scope chosen, off the GUI thread."""
        self._request += 1
        request = self._request
        programme_id = self.scope.currentData()
        run_op(
            self.programme_file,
            lambda s: organisation_variants(s, programme_id),
            parent=self,
            on_success=unless_deleted(self, lambda groups: self._show(request, groups)),
        )

    def _show(self, request: int, groups: list[OrganisationGroup]) -> None:
        if request != self._request:
            return  # a newer scope's answer is on its way
        selected = set(self.selected_spellings())
        self.groups = groups
        self.tree.clear()
        for group in groups:
            top = QTreeWidgetItem([group.name, f"{group.people:,}", ""])
            top.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            font = QFont(top.font(self.NAME))
            font.setBold(True)
            top.setFont(self.NAME, font)
            top.setTextAlignment(self.PEOPLE, Qt.AlignmentFlag.AlignRight)
            for variant in group.variants:
                child = QTreeWidgetItem(
                    [variant.text, f"{variant.people:,}", MERGED if variant.merged else ALIKE]
                )
                child.setData(self.NAME, SPELLING_ROLE, variant.text)
                child.setTextAlignment(self.PEOPLE, Qt.AlignmentFlag.AlignRight)
                top.addChild(child)
                child.setSelected(variant.text in selected)
            self.tree.addTopLevelItem(top)
            # A group of one spelling need not be opened to be seen.
            top.setExpanded(len(group.variants) > 1 or group.merged)
        people = sum(g.people for g in groups)
        self.count.setText(
            f"{plural(len(groups), 'organisation')}, {plural(people, 'person', 'people')}"
        )
        self._filter()
        self._update_buttons()
        self.loaded.emit()

    def organisation_rows(self) -> list[QTreeWidgetItem]:
        """The rows of the organisations, in the order shown (their spellings below them)."""
        rows = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [row for row in rows if row is not None]

    @staticmethod
    def spelling_rows(row: QTreeWidgetItem) -> list[QTreeWidgetItem]:
        """The rows of an organisation's spellings."""
        children = (row.child(i) for i in range(row.childCount()))
        return [child for child in children if child is not None]

    def _filter(self) -> None:
        words = self.search.text().casefold().split()
        for top in self.organisation_rows():
            texts = [top.text(self.NAME)] + [c.text(self.NAME) for c in self.spelling_rows(top)]
            haystack = "\n".join(texts).casefold()
            top.setHidden(not all(word in haystack for word in words))

    def selected_spellings(self) -> list[str]:
        """The spellings selected: those picked, and every spelling of a group picked."""
        spellings: dict[str, None] = {}
        for item in self.tree.selectedItems():
            rows = self.spelling_rows(item) if item.parent() is None else [item]
            for row in rows:
                spellings[str(row.data(self.NAME, SPELLING_ROLE))] = None
        return list(spellings)

    def selected_merged(self) -> list[str]:
        """The spellings selected that the coordinator merged (what Undo merge undoes)."""
        merged = {v.text for g in self.groups for v in g.variants if v.merged}
        return [s for s in self.selected_spellings() if s in merged]

    def _update_buttons(self) -> None:
        self.merge_button.setEnabled(bool(self.selected_spellings()))
        self.unmerge_button.setEnabled(bool(self.selected_merged()))

    def ask_merge(self) -> MergeDialog | None:
        """Ask which name the selected spellings count as, then merge them."""
        spellings = self.selected_spellings()
        if not spellings:
            return None
        # The biggest organisation among those selected is offered first.
        chosen = [g for g in self.groups if any(v.text in spellings for v in g.variants)]
        others = [g for g in self.groups if g not in chosen]
        names = [g.name for g in chosen] + [g.name for g in others]
        dialog = MergeDialog(self, spellings, names)
        dialog.accepted.connect(lambda: self.merge(spellings, dialog.chosen_name()))
        dialog.open()
        return dialog

    def merge(self, spellings: Sequence[str], name: str) -> None:
        """Count ``spellings`` as ``name`` from now on, off the GUI thread."""
        wanted = list(spellings)

        def work(session: Session) -> int:
            return merge_organisations(session, wanted, name)

        run_op(
            self.programme_file,
            work,
            parent=self,
            on_success=lambda count: self.changed.emit(
                f"{plural(count, 'spelling')} now counted as {name}"
            ),
        )

    def unmerge_selected(self) -> None:
        """Undo the merges of the selected spellings, off the GUI thread."""
        spellings = self.selected_merged()
        if not spellings:
            return

        def work(session: Session) -> int:
            for spelling in spellings:
                unmerge_organisation(session, spelling)
            return len(spellings)

        run_op(
            self.programme_file,
            work,
            parent=self,
            on_success=lambda count: self.changed.emit(
                f"{plural(count, 'spelling')} counted as written again"
            ),
        )

    def _after_change(self, said: str) -> None:
        self.context.show_status(said)
        self.context.reload()
        self.reload()
