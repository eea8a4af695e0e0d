# do not edit — generated from ui/import_applications.ui by ui/compile.py

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDialog,
    QGridLayout, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QRadioButton, QSizePolicy, QSpacerItem,
    QSplitter, QStackedWidget, QTableView, QTableWidget,
    QTableWidgetItem, QTextBrowser, QVBoxLayout, QWidget)

class Ui_ImportForm(object):
    def setupUi(self, ImportForm):
        if not ImportForm.objectName():
            ImportForm.setObjectName(u"ImportForm")
        ImportForm.setMinimumSize(QSize(720, 460))
        ImportForm.setSizeGripEnabled(True)
        self.main_layout = QVBoxLayout(ImportForm)
        self.main_layout.setObjectName(u"main_layout")
        self.source_label = QLabel(ImportForm)
        self.source_label.setObjectName(u"source_label")
        self.source_label.setWordWrap(True)

        self.main_layout.addWidget(self.source_label)

        self.pages = QStackedWidget(ImportForm)
        self.pages.setObjectName(u"pages")
        self.mapping_page = QWidget()
        self.mapping_page.setObjectName(u"mapping_page")
        self.mapping_layout = QVBoxLayout(self.mapping_page)
        self.mapping_layout.setObjectName(u"mapping_layout")
        self.mapping_help = QLabel(self.mapping_page)
        self.mapping_help.setObjectName(u"mapping_help")
        self.mapping_help.setWordWrap(True)

        self.mapping_layout.addWidget(self.mapping_help)

        self.mapping_tools_layout = QHBoxLayout()
        self.mapping_tools_layout.setObjectName(u"mapping_tools_layout")
        self.saved_mapping_label = QLabel(self.mapping_page)
        self.saved_mapping_label.setObjectName(u"saved_mapping_label")

        self.mapping_tools_layout.addWidget(self.saved_mapping_label)

        self.saved_mapping = QComboBox(self.mapping_page)
        self.saved_mapping.setObjectName(u"saved_mapping")
        self.saved_mapping.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.mapping_tools_layout.addWidget(self.saved_mapping)

        self.save_mapping_button = QPushButton(self.mapping_page)
        self.save_mapping_button.setObjectName(u"save_mapping_button")

        self.mapping_tools_layout.addWidget(self.save_mapping_button)

        self.mapping_tools_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.mapping_tools_layout.addItem(self.mapping_tools_spacer)

        self.sheet_label = QLabel(self.mapping_page)
        self.sheet_label.setObjectName(u"sheet_label")

        self.mapping_tools_layout.addWidget(self.sheet_label)

        self.sheet = QComboBox(self.mapping_page)
        self.sheet.setObjectName(u"sheet")
        self.sheet.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.mapping_tools_layout.addWidget(self.sheet)


        self.mapping_layout.addLayout(self.mapping_tools_layout)

        self.columns_table = QTableWidget(self.mapping_page)
        self.columns_table.setObjectName(u"columns_table")
        self.columns_table.setAlternatingRowColors(True)
        self.columns_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.columns_table.setWordWrap(False)
        self.columns_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.columns_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.columns_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.columns_table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.columns_table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

        self.mapping_layout.addWidget(self.columns_table)

        self.value_map_box = QWidget(self.mapping_page)
        self.value_map_box.setObjectName(u"value_map_box")
        self.value_map_layout = QVBoxLayout(self.value_map_box)
        self.value_map_layout.setObjectName(u"value_map_layout")
        self.value_map_layout.setContentsMargins(0, 0, 0, 0)
        self.value_map_help = QLabel(self.value_map_box)
        self.value_map_help.setObjectName(u"value_map_help")
        self.value_map_help.setWordWrap(True)

        self.value_map_layout.addWidget(self.value_map_help)

        self.value_map_table = QTableWidget(self.value_map_box)
        self.value_map_table.setObjectName(u"value_map_table")
        self.value_map_table.setAlternatingRowColors(True)
        self.value_map_table.setWordWrap(False)
        self.value_map_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.value_map_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.value_map_table.setTextElideMode(Qt.TextElideMode.ElideRight)

        self.value_map_layout.addWidget(self.value_map_table)


        self.mapping_layout.addWidget(self.value_map_box)

        self.defaults_layout = QGridLayout()
        self.defaults_layout.setObjectName(u"defaults_layout")
        self.default_strand_label = QLabel(self.mapping_page)
        self.default_strand_label.setObjectName(u"default_strand_label")

        self.defaults_layout.addWidget(self.default_strand_label, 0, 0, 1, 1)

        self.default_strand = QComboBox(self.mapping_page)
        self.default_strand.setObjectName(u"default_strand")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.default_strand.sizePolicy().hasHeightForWidth())
        self.default_strand.setSizePolicy(sizePolicy)
        self.default_strand.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.default_strand.setMinimumContentsLength(24)

        self.defaults_layout.addWidget(self.default_strand, 0, 1, 1, 1)

        self.default_role_label = QLabel(self.mapping_page)
        self.default_role_label.setObjectName(u"default_role_label")

        self.defaults_layout.addWidget(self.default_role_label, 0, 2, 1, 1)

        self.default_role = QComboBox(self.mapping_page)
        self.default_role.setObjectName(u"default_role")
        sizePolicy.setHeightForWidth(self.default_role.sizePolicy().hasHeightForWidth())
        self.default_role.setSizePolicy(sizePolicy)
        self.default_role.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.default_role.setMinimumContentsLength(24)

        self.defaults_layout.addWidget(self.default_role, 0, 3, 1, 1)

        self.existing_label = QLabel(self.mapping_page)
        self.existing_label.setObjectName(u"existing_label")

        self.defaults_layout.addWidget(self.existing_label, 1, 0, 1, 1)

        self.existing_layout = QHBoxLayout()
        self.existing_layout.setObjectName(u"existing_layout")
        self.existing_update = QRadioButton(self.mapping_page)
        self.existing_update.setObjectName(u"existing_update")
        self.existing_update.setChecked(True)

        self.existing_layout.addWidget(self.existing_update)

        self.existing_skip = QRadioButton(self.mapping_page)
        self.existing_skip.setObjectName(u"existing_skip")

        self.existing_layout.addWidget(self.existing_skip)

        self.existing_keep_both = QRadioButton(self.mapping_page)
        self.existing_keep_both.setObjectName(u"existing_keep_both")

        self.existing_layout.addWidget(self.existing_keep_both)

        self.existing_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.existing_layout.addItem(self.existing_spacer)


        self.defaults_layout.addLayout(self.existing_layout, 1, 1, 1, 3)

        self.defaults_layout.setColumnStretch(1, 1)
        self.defaults_layout.setColumnStretch(3, 1)

        self.mapping_layout.addLayout(self.defaults_layout)

        self.read_notices = QLabel(self.mapping_page)
        self.read_notices.setObjectName(u"read_notices")
        self.read_notices.setWordWrap(True)

        self.mapping_layout.addWidget(self.read_notices)

        self.mapping_layout.setStretch(2, 1)
        self.pages.addWidget(self.mapping_page)
        self.preview_page = QWidget()
        self.preview_page.setObjectName(u"preview_page")
        self.preview_layout = QVBoxLayout(self.preview_page)
        self.preview_layout.setObjectName(u"preview_layout")
        self.preview_tools_layout = QHBoxLayout()
        self.preview_tools_layout.setObjectName(u"preview_tools_layout")
        self.preview_counts = QLabel(self.preview_page)
        self.preview_counts.setObjectName(u"preview_counts")

        self.preview_tools_layout.addWidget(self.preview_counts)

        self.preview_tools_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.preview_tools_layout.addItem(self.preview_tools_spacer)

        self.save_rejected_button = QPushButton(self.preview_page)
        self.save_rejected_button.setObjectName(u"save_rejected_button")

        self.preview_tools_layout.addWidget(self.save_rejected_button)


        self.preview_layout.addLayout(self.preview_tools_layout)

        self.preview_people = QLabel(self.preview_page)
        self.preview_people.setObjectName(u"preview_people")
        self.preview_people.setTextFormat(Qt.TextFormat.PlainText)
        self.preview_people.setWordWrap(True)
        self.preview_people.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.preview_layout.addWidget(self.preview_people)

        self.date_order_box = QWidget(self.preview_page)
        self.date_order_box.setObjectName(u"date_order_box")
        self.date_order_layout = QVBoxLayout(self.date_order_box)
        self.date_order_layout.setObjectName(u"date_order_layout")
        self.date_order_layout.setContentsMargins(0, 0, 0, 0)
        self.date_order_help = QLabel(self.date_order_box)
        self.date_order_help.setObjectName(u"date_order_help")
        self.date_order_help.setWordWrap(True)

        self.date_order_layout.addWidget(self.date_order_help)

        self.date_order_row = QHBoxLayout()
        self.date_order_row.setObjectName(u"date_order_row")
        self.date_order_label = QLabel(self.date_order_box)
        self.date_order_label.setObjectName(u"date_order_label")

        self.date_order_row.addWidget(self.date_order_label)

        self.date_order = QComboBox(self.date_order_box)
        self.date_order.setObjectName(u"date_order")
        self.date_order.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.date_order_row.addWidget(self.date_order)

        self.date_order_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.date_order_row.addItem(self.date_order_spacer)


        self.date_order_layout.addLayout(self.date_order_row)


        self.preview_layout.addWidget(self.date_order_box)

        self.preview_splitter = QSplitter(self.preview_page)
        self.preview_splitter.setObjectName(u"preview_splitter")
        self.preview_splitter.setOrientation(Qt.Orientation.Vertical)
        self.preview_splitter.setChildrenCollapsible(False)
        self.preview_table = QTableView(self.preview_splitter)
        self.preview_table.setObjectName(u"preview_table")
        self.preview_table.setAlternatingRowColors(True)
        self.preview_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.preview_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview_table.setWordWrap(False)
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.setSortingEnabled(True)
        self.preview_splitter.addWidget(self.preview_table)
        self.row_detail = QTextBrowser(self.preview_splitter)
        self.row_detail.setObjectName(u"row_detail")
        self.row_detail.setOpenLinks(False)
        self.preview_splitter.addWidget(self.row_detail)

        self.preview_layout.addWidget(self.preview_splitter)

        self.preview_help = QLabel(self.preview_page)
        self.preview_help.setObjectName(u"preview_help")
        self.preview_help.setWordWrap(True)

        self.preview_layout.addWidget(self.preview_help)

        self.pages.addWidget(self.preview_page)

        self.main_layout.addWidget(self.pages)

        self.status_label = QLabel(ImportForm)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)

        self.main_layout.addWidget(self.status_label)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.back_button = QPushButton(ImportForm)
        self.back_button.setObjectName(u"back_button")

        self.buttons_layout.addWidget(self.back_button)

        self.buttons_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.preview_button = QPushButton(ImportForm)
        self.preview_button.setObjectName(u"preview_button")

        self.buttons_layout.addWidget(self.preview_button)

        self.import_button = QPushButton(ImportForm)
        self.import_button.setObjectName(u"import_button")

        self.buttons_layout.addWidget(self.import_button)

        self.close_button = QPushButton(ImportForm)
        self.close_button.setObjectName(u"close_button")

        self.buttons_layout.addWidget(self.close_button)


        self.main_layout.addLayout(self.buttons_layout)

#if QT_CONFIG(shortcut)
        self.saved_mapping_label.setBuddy(self.saved_mapping)
        self.sheet_label.setBuddy(self.sheet)
        self.default_strand_label.setBuddy(self.default_strand)
        self.default_role_label.setBuddy(self.default_role)
        self.date_order_label.setBuddy(self.date_order)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ImportForm)
        self.close_button.clicked.connect(ImportForm.reject)

        self.preview_button.setDefault(True)


        QMetaObject.connectSlotsByName(ImportForm)
    # setupUi

    def retranslateUi(self, ImportForm):
        ImportForm.setWindowTitle(QCoreApplication.translate("ImportForm", u"Import applications", None))
        self.source_label.setText("")
        self.mapping_help.setText(QCoreApplication.translate("ImportForm", u"Check where each column goes; \u201cWhy\u201d says how MentorDesk guessed it from the header and the answers. A column going nowhere else is kept with each application as other answers; \u201cLeft out\u201d keeps nothing of it.", None))
        self.saved_mapping_label.setText(QCoreApplication.translate("ImportForm", u"Saved &mapping:", None))
        self.save_mapping_button.setText(QCoreApplication.translate("ImportForm", u"&Save mapping\u2026", None))
        self.sheet_label.setText(QCoreApplication.translate("ImportForm", u"S&heet:", None))
        self.value_map_help.setText("")
        self.default_strand_label.setText(QCoreApplication.translate("ImportForm", u"&Strand for every row:", None))
        self.default_role_label.setText(QCoreApplication.translate("ImportForm", u"&Role for every row:", None))
        self.existing_label.setText(QCoreApplication.translate("ImportForm", u"Someone already in the file:", None))
        self.existing_update.setText(QCoreApplication.translate("ImportForm", u"&Update their details", None))
        self.existing_skip.setText(QCoreApplication.translate("ImportForm", u"S&kip them", None))
        self.existing_keep_both.setText(QCoreApplication.translate("ImportForm", u"Keep &both (add the application, keep their details)", None))
        self.read_notices.setText("")
        self.preview_counts.setText("")
        self.save_rejected_button.setText(QCoreApplication.translate("ImportForm", u"Save &rejected rows\u2026", None))
        self.preview_people.setText("")
        self.date_order_help.setText("")
        self.date_order_label.setText(QCoreApplication.translate("ImportForm", u"&Dates like 3/5/2026 are:", None))
        self.preview_help.setText(QCoreApplication.translate("ImportForm", u"Nothing is written until you choose Import. Select a row to see what it becomes. Rows shown in red are rejected and left out; save them, correct them in the spreadsheet and import them again.", None))
        self.status_label.setText("")
        self.back_button.setText(QCoreApplication.translate("ImportForm", u"\u2039 &Back", None))
        self.preview_button.setText(QCoreApplication.translate("ImportForm", u"&Preview \u203a", None))
        self.import_button.setText(QCoreApplication.translate("ImportForm", u"&Import", None))
        self.close_button.setText(QCoreApplication.translate("ImportForm", u"Cancel", None))
    # retranslateUi
