# do not edit — generated from ui/note.ui by ui/compile.py

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QPlainTextEdit, QRadioButton, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_NoteForm(object):
    def setupUi(self, NoteForm):
        if not NoteForm.objectName():
            NoteForm.setObjectName(u"NoteForm")
        NoteForm.setMinimumSize(QSize(560, 0))
        self.main_layout = QVBoxLayout(NoteForm)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.about_person = QRadioButton(NoteForm)
        self.about_person.setObjectName(u"about_person")
        self.about_person.setChecked(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.about_person)

        self.person = QComboBox(NoteForm)
        self.person.setObjectName(u"person")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.person)

        self.about_pairing = QRadioButton(NoteForm)
        self.about_pairing.setObjectName(u"about_pairing")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.about_pairing)

        self.pairing = QComboBox(NoteForm)
        self.pairing.setObjectName(u"pairing")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.pairing)

        self.written_on_label = QLabel(NoteForm)
        self.written_on_label.setObjectName(u"written_on_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.written_on_label)

        self.written_on = QDateEdit(NoteForm)
        self.written_on.setObjectName(u"written_on")
        self.written_on.setCalendarPopup(True)
        self.written_on.setDisplayFormat(u"yyyy-MM-dd")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.written_on)

        self.category_label = QLabel(NoteForm)
        self.category_label.setObjectName(u"category_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.category_label)

        self.category = QComboBox(NoteForm)
        self.category.setObjectName(u"category")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.category)

        self.follow_up_on_label = QLabel(NoteForm)
        self.follow_up_on_label.setObjectName(u"follow_up_on_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.follow_up_on_label)

        self.follow_up_on = QDateEdit(NoteForm)
        self.follow_up_on.setObjectName(u"follow_up_on")
        self.follow_up_on.setCalendarPopup(True)
        self.follow_up_on.setDisplayFormat(u"yyyy-MM-dd")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.follow_up_on)

        self.title_label = QLabel(NoteForm)
        self.title_label.setObjectName(u"title_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title = QLineEdit(NoteForm)
        self.title.setObjectName(u"title")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.title)

        self.text_label = QLabel(NoteForm)
        self.text_label.setObjectName(u"text_label")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.text_label)

        self.text = QPlainTextEdit(NoteForm)
        self.text.setObjectName(u"text")
        self.text.setTabChangesFocus(True)

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.text)


        self.main_layout.addLayout(self.form_layout)

        self.confidential_hint = QLabel(NoteForm)
        self.confidential_hint.setObjectName(u"confidential_hint")
        self.confidential_hint.setWordWrap(True)

        self.main_layout.addWidget(self.confidential_hint)

        self.button_box = QDialogButtonBox(NoteForm)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.written_on_label.setBuddy(self.written_on)
        self.category_label.setBuddy(self.category)
        self.follow_up_on_label.setBuddy(self.follow_up_on)
        self.title_label.setBuddy(self.title)
        self.text_label.setBuddy(self.text)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(NoteForm)
        self.button_box.accepted.connect(NoteForm.accept)
        self.button_box.rejected.connect(NoteForm.reject)

        QMetaObject.connectSlotsByName(NoteForm)
    # setupUi

    def retranslateUi(self, NoteForm):
        NoteForm.setWindowTitle(QCoreApplication.translate("NoteForm", u"Note", None))
        self.about_person.setText(QCoreApplication.translate("NoteForm", u"About a &person:", None))
        self.about_pairing.setText(QCoreApplication.translate("NoteForm", u"About a p&airing:", None))
        self.written_on_label.setText(QCoreApplication.translate("NoteForm", u"&Date:", None))
        self.category_label.setText(QCoreApplication.translate("NoteForm", u"&Category:", None))
        self.follow_up_on_label.setText(QCoreApplication.translate("NoteForm", u"&Follow up on:", None))
#if QT_CONFIG(tooltip)
        self.follow_up_on.setToolTip(QCoreApplication.translate("NoteForm", u"Leave at \u2014 for no follow-up.", None))
#endif // QT_CONFIG(tooltip)
        self.title_label.setText(QCoreApplication.translate("NoteForm", u"&Title:", None))
        self.text_label.setText(QCoreApplication.translate("NoteForm", u"&Note:", None))
        self.confidential_hint.setText(QCoreApplication.translate("NoteForm", u"Notes are confidential: they stay in the encrypted file and are never exported.", None))
    # retranslateUi
