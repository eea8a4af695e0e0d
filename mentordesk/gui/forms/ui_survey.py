# do not edit — generated from ui/survey.ui by ui/compile.py

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_SurveyForm(object):
    def setupUi(self, SurveyForm):
        if not SurveyForm.objectName():
            SurveyForm.setObjectName(u"SurveyForm")
        SurveyForm.setMinimumSize(QSize(520, 0))
        self.main_layout = QVBoxLayout(SurveyForm)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title_label = QLabel(SurveyForm)
        self.title_label.setObjectName(u"title_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title = QLineEdit(SurveyForm)
        self.title.setObjectName(u"title")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.title)

        self.kind_label = QLabel(SurveyForm)
        self.kind_label.setObjectName(u"kind_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind = QComboBox(SurveyForm)
        self.kind.setObjectName(u"kind")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kind)

        self.role_label = QLabel(SurveyForm)
        self.role_label.setObjectName(u"role_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.role_label)

        self.role = QComboBox(SurveyForm)
        self.role.setObjectName(u"role")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.role)

        self.day_label = QLabel(SurveyForm)
        self.day_label.setObjectName(u"day_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.day_label)

        self.day = QSpinBox(SurveyForm)
        self.day.setObjectName(u"day")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.day)

        self.description_label = QLabel(SurveyForm)
        self.description_label.setObjectName(u"description_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.description_label)

        self.description = QPlainTextEdit(SurveyForm)
        self.description.setObjectName(u"description")
        self.description.setTabChangesFocus(True)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.description)


        self.main_layout.addLayout(self.form_layout)

        self.button_box = QDialogButtonBox(SurveyForm)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.title_label.setBuddy(self.title)
        self.kind_label.setBuddy(self.kind)
        self.role_label.setBuddy(self.role)
        self.day_label.setBuddy(self.day)
        self.description_label.setBuddy(self.description)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SurveyForm)
        self.button_box.accepted.connect(SurveyForm.accept)
        self.button_box.rejected.connect(SurveyForm.reject)

        QMetaObject.connectSlotsByName(SurveyForm)
    # setupUi

    def retranslateUi(self, SurveyForm):
        SurveyForm.setWindowTitle(QCoreApplication.translate("SurveyForm", u"Survey", None))
        self.title_label.setText(QCoreApplication.translate("SurveyForm", u"&Title:", None))
        self.title.setPlaceholderText(QCoreApplication.translate("SurveyForm", u"e.g. Mentee self-assessment (before)", None))
        self.kind_label.setText(QCoreApplication.translate("SurveyForm", u"&Kind:", None))
#if QT_CONFIG(tooltip)
        self.kind.setToolTip(QCoreApplication.translate("SurveyForm", u"Pre and post surveys with the same item codes are compared person by person.", None))
#endif // QT_CONFIG(tooltip)
        self.role_label.setText(QCoreApplication.translate("SurveyForm", u"&Answered by:", None))
        self.day_label.setText(QCoreApplication.translate("SurveyForm", u"&Day:", None))
#if QT_CONFIG(tooltip)
        self.day.setToolTip(QCoreApplication.translate("SurveyForm", u"For a pulse check: the day after the pairing started when it is sent (\u2014 for none).", None))
#endif // QT_CONFIG(tooltip)
        self.day.setSuffix(QCoreApplication.translate("SurveyForm", u" days after the pairing started", None))
        self.description_label.setText(QCoreApplication.translate("SurveyForm", u"D&escription:", None))
        self.description.setPlaceholderText(QCoreApplication.translate("SurveyForm", u"What it is for, and how its ratings read (1 = \u2026, 5 = \u2026)", None))
    # retranslateUi
