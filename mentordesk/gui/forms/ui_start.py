# do not edit — generated from ui/start.ui by ui/compile.py

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_StartPage(object):
    def setupUi(self, StartPage):
        if not StartPage.objectName():
            StartPage.setObjectName(u"StartPage")
        self.main_layout = QVBoxLayout(StartPage)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setContentsMargins(48, 36, 48, 36)
        self.heading = QLabel(StartPage)
        self.heading.setObjectName(u"heading")
        self.heading.setStyleSheet(u"font-size: 20pt; font-weight: 600;")

        self.main_layout.addWidget(self.heading)

        self.explanation = QLabel(StartPage)
        self.explanation.setObjectName(u"explanation")
        self.explanation.setWordWrap(True)

        self.main_layout.addWidget(self.explanation)

        self.button_layout = QHBoxLayout()
        self.button_layout.setObjectName(u"button_layout")
        self.new_file = QPushButton(StartPage)
        self.new_file.setObjectName(u"new_file")

        self.button_layout.addWidget(self.new_file)

        self.open_file = QPushButton(StartPage)
        self.open_file.setObjectName(u"open_file")

        self.button_layout.addWidget(self.open_file)

        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_layout.addItem(self.button_spacer)


        self.main_layout.addLayout(self.button_layout)

        self.recent_files_label = QLabel(StartPage)
        self.recent_files_label.setObjectName(u"recent_files_label")

        self.main_layout.addWidget(self.recent_files_label)

        self.recent_files = QListWidget(StartPage)
        self.recent_files.setObjectName(u"recent_files")
        self.recent_files.setAlternatingRowColors(True)

        self.main_layout.addWidget(self.recent_files)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

#if QT_CONFIG(shortcut)
        self.recent_files_label.setBuddy(self.recent_files)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(StartPage)

        QMetaObject.connectSlotsByName(StartPage)
    # setupUi

    def retranslateUi(self, StartPage):
        self.heading.setText(QCoreApplication.translate("StartPage", u"MentorDesk", None))
        self.explanation.setText(QCoreApplication.translate("StartPage", u"Each mentoring programme lives in one encrypted programme file. Create a new file, or open one you already have.", None))
        self.new_file.setText(QCoreApplication.translate("StartPage", u"&New programme file\u2026", None))
        self.open_file.setText(QCoreApplication.translate("StartPage", u"&Open programme file\u2026", None))
        self.recent_files_label.setText(QCoreApplication.translate("StartPage", u"&Recent files:", None))
        pass
    # retranslateUi
