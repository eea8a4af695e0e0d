# do not edit — generated from ui/programme.ui by ui/compile.py

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_ProgrammeForm(object):
    def setupUi(self, ProgrammeForm):
        if not ProgrammeForm.objectName():
            ProgrammeForm.setObjectName(u"ProgrammeForm")
        ProgrammeForm.setMinimumSize(QSize(480, 0))
        self.main_layout = QVBoxLayout(ProgrammeForm)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name_label = QLabel(ProgrammeForm)
        self.name_label.setObjectName(u"name_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(ProgrammeForm)
        self.name.setObjectName(u"name")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.timezone_label = QLabel(ProgrammeForm)
        self.timezone_label.setObjectName(u"timezone_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.timezone_label)

        self.timezone = QComboBox(ProgrammeForm)
        self.timezone.setObjectName(u"timezone")
        self.timezone.setEditable(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.timezone)

        self.starts_on_label = QLabel(ProgrammeForm)
        self.starts_on_label.setObjectName(u"starts_on_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.starts_on_label)

        self.starts_on = QDateEdit(ProgrammeForm)
        self.starts_on.setObjectName(u"starts_on")
        self.starts_on.setCalendarPopup(True)
        self.starts_on.setDisplayFormat(u"yyyy-MM-dd")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.starts_on)

        self.ends_on_label = QLabel(ProgrammeForm)
        self.ends_on_label.setObjectName(u"ends_on_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.ends_on_label)

        self.ends_on = QDateEdit(ProgrammeForm)
        self.ends_on.setObjectName(u"ends_on")
        self.ends_on.setCalendarPopup(True)
        self.ends_on.setDisplayFormat(u"yyyy-MM-dd")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.ends_on)

        self.strands_label = QLabel(ProgrammeForm)
        self.strands_label.setObjectName(u"strands_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.strands_label)

        self.strands = QPlainTextEdit(ProgrammeForm)
        self.strands.setObjectName(u"strands")
        self.strands.setTabChangesFocus(True)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.strands)

        self.strands_hint = QLabel(ProgrammeForm)
        self.strands_hint.setObjectName(u"strands_hint")
        self.strands_hint.setWordWrap(True)

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.strands_hint)


        self.main_layout.addLayout(self.form_layout)

        self.button_box = QDialogButtonBox(ProgrammeForm)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.timezone_label.setBuddy(self.timezone)
        self.starts_on_label.setBuddy(self.starts_on)
        self.ends_on_label.setBuddy(self.ends_on)
        self.strands_label.setBuddy(self.strands)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ProgrammeForm)
        self.button_box.accepted.connect(ProgrammeForm.accept)
        self.button_box.rejected.connect(ProgrammeForm.reject)

        QMetaObject.connectSlotsByName(ProgrammeForm)
    # setupUi

    def retranslateUi(self, ProgrammeForm):
        ProgrammeForm.setWindowTitle(QCoreApplication.translate("ProgrammeForm", u"New programme", None))
        self.name_label.setText(QCoreApplication.translate("ProgrammeForm", u"&Name:", None))
        self.name.setPlaceholderText(QCoreApplication.translate("ProgrammeForm", u"ADVANCE 2026", None))
        self.timezone_label.setText(QCoreApplication.translate("ProgrammeForm", u"&Time zone:", None))
        self.starts_on_label.setText(QCoreApplication.translate("ProgrammeForm", u"&Starts on:", None))
        self.ends_on_label.setText(QCoreApplication.translate("ProgrammeForm", u"&Ends on:", None))
        self.strands_label.setText(QCoreApplication.translate("ProgrammeForm", u"St&rands:", None))
        self.strands_hint.setText(QCoreApplication.translate("ProgrammeForm", u"One strand per line. Add \u201c(group)\u201d after the name of a group strand such as mentoring circles.", None))
    # retranslateUi
