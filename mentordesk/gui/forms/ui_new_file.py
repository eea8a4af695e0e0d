# do not edit — generated from ui/new_file.ui by ui/compile.py

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_NewFileForm(object):
    def setupUi(self, NewFileForm):
        if not NewFileForm.objectName():
            NewFileForm.setObjectName(u"NewFileForm")
        NewFileForm.setMinimumSize(QSize(460, 0))
        self.main_layout = QVBoxLayout(NewFileForm)
        self.main_layout.setObjectName(u"main_layout")
        self.explanation = QLabel(NewFileForm)
        self.explanation.setObjectName(u"explanation")
        self.explanation.setWordWrap(True)

        self.main_layout.addWidget(self.explanation)

        self.file_name = QLabel(NewFileForm)
        self.file_name.setObjectName(u"file_name")
        self.file_name.setText(u"file name")
        self.file_name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.file_name)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.passphrase_label = QLabel(NewFileForm)
        self.passphrase_label.setObjectName(u"passphrase_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.passphrase_label)

        self.passphrase = QLineEdit(NewFileForm)
        self.passphrase.setObjectName(u"passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.passphrase)

        self.passphrase_again_label = QLabel(NewFileForm)
        self.passphrase_again_label.setObjectName(u"passphrase_again_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passphrase_again_label)

        self.passphrase_again = QLineEdit(NewFileForm)
        self.passphrase_again.setObjectName(u"passphrase_again")
        self.passphrase_again.setEchoMode(QLineEdit.EchoMode.Password)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passphrase_again)


        self.main_layout.addLayout(self.form_layout)

        self.strength = QLabel(NewFileForm)
        self.strength.setObjectName(u"strength")
        self.strength.setText(u"strength")
        self.strength.setTextFormat(Qt.TextFormat.PlainText)
        self.strength.setWordWrap(True)

        self.main_layout.addWidget(self.strength)

        self.message = QLabel(NewFileForm)
        self.message.setObjectName(u"message")
        self.message.setStyleSheet(u"color: #b00020;")
        self.message.setWordWrap(True)

        self.main_layout.addWidget(self.message)

        self.button_box = QDialogButtonBox(NewFileForm)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.passphrase_label.setBuddy(self.passphrase)
        self.passphrase_again_label.setBuddy(self.passphrase_again)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(NewFileForm)
        self.button_box.accepted.connect(NewFileForm.accept)
        self.button_box.rejected.connect(NewFileForm.reject)

        QMetaObject.connectSlotsByName(NewFileForm)
    # setupUi

    def retranslateUi(self, NewFileForm):
        NewFileForm.setWindowTitle(QCoreApplication.translate("NewFileForm", u"New programme file", None))
        self.explanation.setText(QCoreApplication.translate("NewFileForm", u"Choose a passphrase for the new file. Everything in it is encrypted with this passphrase, and nobody can open the file without it: not even MentorDesk can recover a forgotten passphrase. Write it down somewhere safe.", None))
        self.passphrase_label.setText(QCoreApplication.translate("NewFileForm", u"&Passphrase:", None))
        self.passphrase_again_label.setText(QCoreApplication.translate("NewFileForm", u"&Again:", None))
    # retranslateUi
