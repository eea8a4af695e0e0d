# do not edit — generated from ui/propose.ui by ui/compile.py

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_ProposeForm(object):
    def setupUi(self, ProposeForm):
        if not ProposeForm.objectName():
            ProposeForm.setObjectName(u"ProposeForm")
        self.main_layout = QVBoxLayout(ProposeForm)
        self.main_layout.setObjectName(u"main_layout")
        self.intro = QLabel(ProposeForm)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.main_layout.addWidget(self.intro)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.mode_label = QLabel(ProposeForm)
        self.mode_label.setObjectName(u"mode_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.mode_label)

        self.mode = QComboBox(ProposeForm)
        self.mode.setObjectName(u"mode")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.mode)

        self.strand_label = QLabel(ProposeForm)
        self.strand_label.setObjectName(u"strand_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.strand_label)

        self.strand = QComboBox(ProposeForm)
        self.strand.setObjectName(u"strand")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.strand)


        self.main_layout.addLayout(self.form_layout)

        self.button_box = QDialogButtonBox(ProposeForm)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.mode_label.setBuddy(self.mode)
        self.strand_label.setBuddy(self.strand)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ProposeForm)
        self.button_box.accepted.connect(ProposeForm.accept)
        self.button_box.rejected.connect(ProposeForm.reject)

        QMetaObject.connectSlotsByName(ProposeForm)
    # setupUi

    def retranslateUi(self, ProposeForm):
        ProposeForm.setWindowTitle(QCoreApplication.translate("ProposeForm", u"Propose pairings", None))
        self.intro.setText(QCoreApplication.translate("ProposeForm", u"Pair the accepted mentees who have no mentor yet with the mentors who have places. The proposals are saved as drafts, in place of earlier drafts; nobody sees them until you publish them.", None))
        self.mode_label.setText(QCoreApplication.translate("ProposeForm", u"&Mode:", None))
        self.strand_label.setText(QCoreApplication.translate("ProposeForm", u"St&rand:", None))
    # retranslateUi
