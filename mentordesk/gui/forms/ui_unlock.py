# do not edit — generated from ui/unlock.ui by ui/compile.py

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

class Ui_UnlockForm(object):
    def setupUi(self, UnlockForm):
        if not UnlockForm.objectName():
            UnlockForm.setObjectName(u"UnlockForm")
        UnlockForm.setMinimumSize(QSize(420, 0))
        self.main_layout = QVBoxLayout(UnlockForm)
        self.main_layout.setObjectName(u"main_layout")
        self.file_name = QLabel(UnlockForm)
        self.file_name.setObjectName(u"file_name")
        self.file_name.setText(u"file name")
        self.file_name.setWordWrap(True)

        self.main_layout.addWidget(self.file_name)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.passphrase_label = QLabel(UnlockForm)
        self.passphrase_label.setObjectName(u"passphrase_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.passphrase_label)

        self.passphrase = QLineEdit(UnlockForm)
        self.passphrase.setObjectName(u"passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.passphrase)


        self.main_layout.addLayout(self.form_layout)

        self.message = QLabel(UnlockForm)
        self.message.setObjectName(u"message")
        self.message.setStyleSheet(u"color: #b00020;")
        self.message.setWordWrap(True)

        self.main_layout.addWidget(self.message)

        self.button_box = QDialogButtonBox(UnlockForm)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.passphrase_label.setBuddy(self.passphrase)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(UnlockForm)
        self.button_box.accepted.connect(UnlockForm.accept)
        self.button_box.rejected.connect(UnlockForm.reject)

        QMetaObject.connectSlotsByName(UnlockForm)
    # setupUi

    def retranslateUi(self, UnlockForm):
        UnlockForm.setWindowTitle(QCoreApplication.translate("UnlockForm", u"Unlock programme file", None))
        self.passphrase_label.setText(QCoreApplication.translate("UnlockForm", u"&Passphrase:", None))
    # retranslateUi
