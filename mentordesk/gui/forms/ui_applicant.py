# do not edit — generated from ui/applicant.ui by ui/compile.py

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

class Ui_ApplicantForm(object):
    def setupUi(self, ApplicantForm):
        if not ApplicantForm.objectName():
            ApplicantForm.setObjectName(u"ApplicantForm")
        ApplicantForm.setMinimumSize(QSize(820, 0))
        self.main_layout = QVBoxLayout(ApplicantForm)
        self.main_layout.setObjectName(u"main_layout")
        self.columns_layout = QHBoxLayout()
        self.columns_layout.setObjectName(u"columns_layout")
        self.person_group = QGroupBox(ApplicantForm)
        self.person_group.setObjectName(u"person_group")
        self.person_group_layout = QFormLayout(self.person_group)
        self.person_group_layout.setObjectName(u"person_group_layout")
        self.person_group_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.first_name_label = QLabel(self.person_group)
        self.first_name_label.setObjectName(u"first_name_label")

        self.person_group_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.first_name_label)

        self.first_name = QLineEdit(self.person_group)
        self.first_name.setObjectName(u"first_name")

        self.person_group_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.first_name)

        self.last_name_label = QLabel(self.person_group)
        self.last_name_label.setObjectName(u"last_name_label")

        self.person_group_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.last_name_label)

        self.last_name = QLineEdit(self.person_group)
        self.last_name.setObjectName(u"last_name")

        self.person_group_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.last_name)

        self.email_label = QLabel(self.person_group)
        self.email_label.setObjectName(u"email_label")

        self.person_group_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.email_label)

        self.email = QLineEdit(self.person_group)
        self.email.setObjectName(u"email")

        self.person_group_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.email)

        self.organisation_label = QLabel(self.person_group)
        self.organisation_label.setObjectName(u"organisation_label")

        self.person_group_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.organisation_label)

        self.organisation = QLineEdit(self.person_group)
        self.organisation.setObjectName(u"organisation")

        self.person_group_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.organisation)

        self.department_label = QLabel(self.person_group)
        self.department_label.setObjectName(u"department_label")

        self.person_group_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.department_label)

        self.department = QLineEdit(self.person_group)
        self.department.setObjectName(u"department")

        self.person_group_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.department)

        self.position_label = QLabel(self.person_group)
        self.position_label.setObjectName(u"position_label")

        self.person_group_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.position_label)

        self.position = QLineEdit(self.person_group)
        self.position.setObjectName(u"position")

        self.person_group_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.position)

        self.stage_label = QLabel(self.person_group)
        self.stage_label.setObjectName(u"stage_label")

        self.person_group_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.stage_label)

        self.stage = QComboBox(self.person_group)
        self.stage.setObjectName(u"stage")
        self.stage.setEditable(True)
        self.stage.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.person_group_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.stage)

        self.line_manager_label = QLabel(self.person_group)
        self.line_manager_label.setObjectName(u"line_manager_label")

        self.person_group_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.line_manager_label)

        self.line_manager = QComboBox(self.person_group)
        self.line_manager.setObjectName(u"line_manager")
        self.line_manager.setEditable(True)
        self.line_manager.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.person_group_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.line_manager)

        self.contract_type_label = QLabel(self.person_group)
        self.contract_type_label.setObjectName(u"contract_type_label")

        self.person_group_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.contract_type_label)

        self.contract_type = QComboBox(self.person_group)
        self.contract_type.setObjectName(u"contract_type")

        self.person_group_layout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.contract_type)

        self.field_label = QLabel(self.person_group)
        self.field_label.setObjectName(u"field_label")

        self.person_group_layout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.field_label)

        self.field = QLineEdit(self.person_group)
        self.field.setObjectName(u"field")

        self.person_group_layout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.field)

        self.expertise_label = QLabel(self.person_group)
        self.expertise_label.setObjectName(u"expertise_label")

        self.person_group_layout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.expertise_label)

        self.expertise = QLineEdit(self.person_group)
        self.expertise.setObjectName(u"expertise")

        self.person_group_layout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.expertise)

        self.languages_label = QLabel(self.person_group)
        self.languages_label.setObjectName(u"languages_label")

        self.person_group_layout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.languages_label)

        self.languages = QLineEdit(self.person_group)
        self.languages.setObjectName(u"languages")

        self.person_group_layout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.languages)

        self.gender_label = QLabel(self.person_group)
        self.gender_label.setObjectName(u"gender_label")

        self.person_group_layout.setWidget(12, QFormLayout.ItemRole.LabelRole, self.gender_label)

        self.gender = QLineEdit(self.person_group)
        self.gender.setObjectName(u"gender")

        self.person_group_layout.setWidget(12, QFormLayout.ItemRole.FieldRole, self.gender)

        self.consent_on_label = QLabel(self.person_group)
        self.consent_on_label.setObjectName(u"consent_on_label")

        self.person_group_layout.setWidget(13, QFormLayout.ItemRole.LabelRole, self.consent_on_label)

        self.consent_on = QDateEdit(self.person_group)
        self.consent_on.setObjectName(u"consent_on")
        self.consent_on.setCalendarPopup(True)
        self.consent_on.setDisplayFormat(u"yyyy-MM-dd")

        self.person_group_layout.setWidget(13, QFormLayout.ItemRole.FieldRole, self.consent_on)


        self.columns_layout.addWidget(self.person_group)

        self.application_group = QGroupBox(ApplicantForm)
        self.application_group.setObjectName(u"application_group")
        self.application_group_layout = QFormLayout(self.application_group)
        self.application_group_layout.setObjectName(u"application_group_layout")
        self.application_group_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.strand_label = QLabel(self.application_group)
        self.strand_label.setObjectName(u"strand_label")

        self.application_group_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.strand_label)

        self.strand = QComboBox(self.application_group)
        self.strand.setObjectName(u"strand")

        self.application_group_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.strand)

        self.role_label = QLabel(self.application_group)
        self.role_label.setObjectName(u"role_label")

        self.application_group_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.role_label)

        self.role = QComboBox(self.application_group)
        self.role.setObjectName(u"role")

        self.application_group_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.role)

        self.status_label = QLabel(self.application_group)
        self.status_label.setObjectName(u"status_label")

        self.application_group_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.status_label)

        self.status = QComboBox(self.application_group)
        self.status.setObjectName(u"status")

        self.application_group_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.status)

        self.submitted_on_label = QLabel(self.application_group)
        self.submitted_on_label.setObjectName(u"submitted_on_label")

        self.application_group_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.submitted_on_label)

        self.submitted_on = QDateEdit(self.application_group)
        self.submitted_on.setObjectName(u"submitted_on")
        self.submitted_on.setCalendarPopup(True)
        self.submitted_on.setDisplayFormat(u"yyyy-MM-dd")

        self.application_group_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.submitted_on)

        self.capacity_label = QLabel(self.application_group)
        self.capacity_label.setObjectName(u"capacity_label")

        self.application_group_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.capacity_label)

        self.capacity = QSpinBox(self.application_group)
        self.capacity.setObjectName(u"capacity")

        self.application_group_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.capacity)

        self.goals_label = QLabel(self.application_group)
        self.goals_label.setObjectName(u"goals_label")

        self.application_group_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.goals_label)

        self.goals = QPlainTextEdit(self.application_group)
        self.goals.setObjectName(u"goals")
        self.goals.setTabChangesFocus(True)

        self.application_group_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.goals)

        self.development_needs_label = QLabel(self.application_group)
        self.development_needs_label.setObjectName(u"development_needs_label")

        self.application_group_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.development_needs_label)

        self.development_needs = QPlainTextEdit(self.application_group)
        self.development_needs.setObjectName(u"development_needs")
        self.development_needs.setTabChangesFocus(True)

        self.application_group_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.development_needs)

        self.preferences_label = QLabel(self.application_group)
        self.preferences_label.setObjectName(u"preferences_label")

        self.application_group_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.preferences_label)

        self.preferences = QPlainTextEdit(self.application_group)
        self.preferences.setObjectName(u"preferences")
        self.preferences.setTabChangesFocus(True)

        self.application_group_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.preferences)

        self.availability_label = QLabel(self.application_group)
        self.availability_label.setObjectName(u"availability_label")

        self.application_group_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.availability_label)

        self.availability = QPlainTextEdit(self.application_group)
        self.availability.setObjectName(u"availability")
        self.availability.setTabChangesFocus(True)

        self.application_group_layout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.availability)


        self.columns_layout.addWidget(self.application_group)

        self.columns_layout.setStretch(0, 1)
        self.columns_layout.setStretch(1, 1)

        self.main_layout.addLayout(self.columns_layout)

        self.button_box = QDialogButtonBox(ApplicantForm)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.first_name_label.setBuddy(self.first_name)
        self.last_name_label.setBuddy(self.last_name)
        self.email_label.setBuddy(self.email)
        self.organisation_label.setBuddy(self.organisation)
        self.department_label.setBuddy(self.department)
        self.position_label.setBuddy(self.position)
        self.stage_label.setBuddy(self.stage)
        self.line_manager_label.setBuddy(self.line_manager)
        self.contract_type_label.setBuddy(self.contract_type)
        self.field_label.setBuddy(self.field)
        self.expertise_label.setBuddy(self.expertise)
        self.languages_label.setBuddy(self.languages)
        self.gender_label.setBuddy(self.gender)
        self.consent_on_label.setBuddy(self.consent_on)
        self.strand_label.setBuddy(self.strand)
        self.role_label.setBuddy(self.role)
        self.status_label.setBuddy(self.status)
        self.submitted_on_label.setBuddy(self.submitted_on)
        self.capacity_label.setBuddy(self.capacity)
        self.goals_label.setBuddy(self.goals)
        self.development_needs_label.setBuddy(self.development_needs)
        self.preferences_label.setBuddy(self.preferences)
        self.availability_label.setBuddy(self.availability)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ApplicantForm)
        self.button_box.accepted.connect(ApplicantForm.accept)
        self.button_box.rejected.connect(ApplicantForm.reject)

        QMetaObject.connectSlotsByName(ApplicantForm)
    # setupUi

    def retranslateUi(self, ApplicantForm):
        ApplicantForm.setWindowTitle(QCoreApplication.translate("ApplicantForm", u"Applicant", None))
        self.person_group.setTitle(QCoreApplication.translate("ApplicantForm", u"Person", None))
        self.first_name_label.setText(QCoreApplication.translate("ApplicantForm", u"&First name:", None))
        self.last_name_label.setText(QCoreApplication.translate("ApplicantForm", u"&Last name:", None))
        self.email_label.setText(QCoreApplication.translate("ApplicantForm", u"&Email:", None))
        self.organisation_label.setText(QCoreApplication.translate("ApplicantForm", u"&Organisation:", None))
        self.department_label.setText(QCoreApplication.translate("ApplicantForm", u"&Department:", None))
        self.position_label.setText(QCoreApplication.translate("ApplicantForm", u"&Position:", None))
        self.stage_label.setText(QCoreApplication.translate("ApplicantForm", u"Career s&tage:", None))
#if QT_CONFIG(tooltip)
        self.stage.setToolTip(QCoreApplication.translate("ApplicantForm", u"One of the programme's career stages (Programme \u25b8 Career stages)", None))
#endif // QT_CONFIG(tooltip)
        self.line_manager_label.setText(QCoreApplication.translate("ApplicantForm", u"Line &manager:", None))
#if QT_CONFIG(tooltip)
        self.line_manager.setToolTip(QCoreApplication.translate("ApplicantForm", u"Someone in the file, picked by name or email, or their email typed; blank for none", None))
#endif // QT_CONFIG(tooltip)
        self.contract_type_label.setText(QCoreApplication.translate("ApplicantForm", u"&Contract:", None))
        self.field_label.setText(QCoreApplication.translate("ApplicantForm", u"F&ield:", None))
        self.expertise_label.setText(QCoreApplication.translate("ApplicantForm", u"E&xpertise:", None))
        self.expertise.setPlaceholderText(QCoreApplication.translate("ApplicantForm", u"Comma-separated, e.g. grant writing, leadership", None))
        self.languages_label.setText(QCoreApplication.translate("ApplicantForm", u"Lan&guages:", None))
        self.gender_label.setText(QCoreApplication.translate("ApplicantForm", u"Gen&der:", None))
        self.gender.setPlaceholderText(QCoreApplication.translate("ApplicantForm", u"Optional, as the person describes it", None))
        self.consent_on_label.setText(QCoreApplication.translate("ApplicantForm", u"Co&nsent on:", None))
        self.application_group.setTitle(QCoreApplication.translate("ApplicantForm", u"Application", None))
        self.strand_label.setText(QCoreApplication.translate("ApplicantForm", u"St&rand:", None))
        self.role_label.setText(QCoreApplication.translate("ApplicantForm", u"R&ole:", None))
        self.status_label.setText(QCoreApplication.translate("ApplicantForm", u"&Status:", None))
        self.submitted_on_label.setText(QCoreApplication.translate("ApplicantForm", u"Su&bmitted on:", None))
        self.capacity_label.setText(QCoreApplication.translate("ApplicantForm", u"Ca&pacity:", None))
#if QT_CONFIG(tooltip)
        self.capacity.setToolTip(QCoreApplication.translate("ApplicantForm", u"How many mentees a mentor can take", None))
#endif // QT_CONFIG(tooltip)
        self.goals_label.setText(QCoreApplication.translate("ApplicantForm", u"Goa&ls:", None))
        self.development_needs_label.setText(QCoreApplication.translate("ApplicantForm", u"Development &needs:", None))
        self.preferences_label.setText(QCoreApplication.translate("ApplicantForm", u"Pre&ferences:", None))
        self.availability_label.setText(QCoreApplication.translate("ApplicantForm", u"A&vailability:", None))
#if QT_CONFIG(tooltip)
        self.availability.setToolTip(QCoreApplication.translate("ApplicantForm", u"When they can meet, and how often, in their words", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi
