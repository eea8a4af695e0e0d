# do not edit — generated from ui/survey_item.ui by ui/compile.py

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_SurveyItemForm(object):
    def setupUi(self, SurveyItemForm):
        if not SurveyItemForm.objectName():
            SurveyItemForm.setObjectName(u"SurveyItemForm")
        SurveyItemForm.setMinimumSize(QSize(560, 0))
        self.main_layout = QVBoxLayout(SurveyItemForm)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.text_label = QLabel(SurveyItemForm)
        self.text_label.setObjectName(u"text_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.text_label)

        self.text = QPlainTextEdit(SurveyItemForm)
        self.text.setObjectName(u"text")
        self.text.setTabChangesFocus(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.text)

        self.answer_type_label = QLabel(SurveyItemForm)
        self.answer_type_label.setObjectName(u"answer_type_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.answer_type_label)

        self.answer_type = QComboBox(SurveyItemForm)
        self.answer_type.setObjectName(u"answer_type")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.answer_type)

        self.area_label = QLabel(SurveyItemForm)
        self.area_label.setObjectName(u"area_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.area_label)

        self.area = QComboBox(SurveyItemForm)
        self.area.setObjectName(u"area")
        self.area.setEditable(True)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.area)

        self.code_label = QLabel(SurveyItemForm)
        self.code_label.setObjectName(u"code_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.code_label)

        self.code = QLineEdit(SurveyItemForm)
        self.code.setObjectName(u"code")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.code)


        self.main_layout.addLayout(self.form_layout)

        self.type_hint = QLabel(SurveyItemForm)
        self.type_hint.setObjectName(u"type_hint")
        self.type_hint.setWordWrap(True)

        self.main_layout.addWidget(self.type_hint)

        self.button_box = QDialogButtonBox(SurveyItemForm)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.text_label.setBuddy(self.text)
        self.answer_type_label.setBuddy(self.answer_type)
        self.area_label.setBuddy(self.area)
        self.code_label.setBuddy(self.code)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SurveyItemForm)
        self.button_box.accepted.connect(SurveyItemForm.accept)
        self.button_box.rejected.connect(SurveyItemForm.reject)

        QMetaObject.connectSlotsByName(SurveyItemForm)
    # setupUi

    def retranslateUi(self, SurveyItemForm):
        SurveyItemForm.setWindowTitle(QCoreApplication.translate("SurveyItemForm", u"Survey item", None))
        self.text_label.setText(QCoreApplication.translate("SurveyItemForm", u"&Question:", None))
        self.text.setPlaceholderText(QCoreApplication.translate("SurveyItemForm", u"A question, or a statement to rate", None))
        self.answer_type_label.setText(QCoreApplication.translate("SurveyItemForm", u"&Answered with:", None))
        self.area_label.setText(QCoreApplication.translate("SurveyItemForm", u"A&rea:", None))
#if QT_CONFIG(tooltip)
        self.area.setToolTip(QCoreApplication.translate("SurveyItemForm", u"A heading the item belongs to, such as a competency area (optional).", None))
#endif // QT_CONFIG(tooltip)
        self.code_label.setText(QCoreApplication.translate("SurveyItemForm", u"&Code:", None))
        self.code.setPlaceholderText(QCoreApplication.translate("SurveyItemForm", u"made from the question if left empty", None))
#if QT_CONFIG(tooltip)
        self.code.setToolTip(QCoreApplication.translate("SurveyItemForm", u"A short name. Give an item of a pre survey and one of its post survey the same code to compare the answers.", None))
#endif // QT_CONFIG(tooltip)
        self.type_hint.setText("")
    # retranslateUi
