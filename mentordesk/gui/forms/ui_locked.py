# do not edit — generated from ui/locked.ui by ui/compile.py

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QFrame, QGridLayout, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_LockedForm(object):
    def setupUi(self, LockedForm):
        if not LockedForm.objectName():
            LockedForm.setObjectName(u"LockedForm")
        self.outer_layout = QGridLayout(LockedForm)
        self.outer_layout.setObjectName(u"outer_layout")
        self.top_space = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer_layout.addItem(self.top_space, 0, 1, 1, 1)

        self.left_space = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outer_layout.addItem(self.left_space, 1, 0, 1, 1)

        self.card = QFrame(LockedForm)
        self.card.setObjectName(u"card")
        self.card.setMinimumSize(QSize(420, 0))
        self.card.setMaximumSize(QSize(480, 16777215))
        self.card_layout = QVBoxLayout(self.card)
        self.card_layout.setSpacing(10)
        self.card_layout.setObjectName(u"card_layout")
        self.heading = QLabel(self.card)
        self.heading.setObjectName(u"heading")

        self.card_layout.addWidget(self.heading)

        self.file_name = QLabel(self.card)
        self.file_name.setObjectName(u"file_name")
        self.file_name.setText(u"file name")
        self.file_name.setTextFormat(Qt.TextFormat.PlainText)
        self.file_name.setWordWrap(True)

        self.card_layout.addWidget(self.file_name)

        self.passphrase_row = QHBoxLayout()
        self.passphrase_row.setObjectName(u"passphrase_row")
        self.passphrase = QLineEdit(self.card)
        self.passphrase.setObjectName(u"passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)

        self.passphrase_row.addWidget(self.passphrase)

        self.unlock_button = QPushButton(self.card)
        self.unlock_button.setObjectName(u"unlock_button")

        self.passphrase_row.addWidget(self.unlock_button)


        self.card_layout.addLayout(self.passphrase_row)

        self.message = QLabel(self.card)
        self.message.setObjectName(u"message")
        self.message.setStyleSheet(u"color: #b00020;")
        self.message.setWordWrap(True)

        self.card_layout.addWidget(self.message)

        self.close_file_button = QPushButton(self.card)
        self.close_file_button.setObjectName(u"close_file_button")
        self.close_file_button.setFlat(True)

        self.card_layout.addWidget(self.close_file_button)


        self.outer_layout.addWidget(self.card, 1, 1, 1, 1)

        self.right_space = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outer_layout.addItem(self.right_space, 1, 2, 1, 1)

        self.bottom_space = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer_layout.addItem(self.bottom_space, 2, 1, 1, 1)


        self.retranslateUi(LockedForm)

        self.unlock_button.setDefault(True)


        QMetaObject.connectSlotsByName(LockedForm)
    # setupUi

    def retranslateUi(self, LockedForm):
        self.heading.setText(QCoreApplication.translate("LockedForm", u"<h2>MentorDesk is locked</h2>", None))
        self.passphrase.setPlaceholderText(QCoreApplication.translate("LockedForm", u"Passphrase", None))
        self.unlock_button.setText(QCoreApplication.translate("LockedForm", u"&Unlock", None))
        self.close_file_button.setText(QCoreApplication.translate("LockedForm", u"Close the file instead", None))
        pass
    # retranslateUi
