# do not edit — generated from ui/pairing.ui by ui/compile.py

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_PairingForm(object):
    def setupUi(self, PairingForm):
        if not PairingForm.objectName():
            PairingForm.setObjectName(u"PairingForm")
        PairingForm.setMinimumSize(QSize(960, 0))
        self.main_layout = QVBoxLayout(PairingForm)
        self.main_layout.setObjectName(u"main_layout")
        self.columns_layout = QHBoxLayout()
        self.columns_layout.setObjectName(u"columns_layout")
        self.pairing_group = QGroupBox(PairingForm)
        self.pairing_group.setObjectName(u"pairing_group")
        self.pairing_group_layout = QFormLayout(self.pairing_group)
        self.pairing_group_layout.setObjectName(u"pairing_group_layout")
        self.pairing_group_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.strand_label = QLabel(self.pairing_group)
        self.strand_label.setObjectName(u"strand_label")

        self.pairing_group_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.strand_label)

        self.strand = QComboBox(self.pairing_group)
        self.strand.setObjectName(u"strand")

        self.pairing_group_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.strand)

        self.mentor_label = QLabel(self.pairing_group)
        self.mentor_label.setObjectName(u"mentor_label")

        self.pairing_group_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.mentor_label)

        self.mentor = QComboBox(self.pairing_group)
        self.mentor.setObjectName(u"mentor")

        self.pairing_group_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.mentor)

        self.mentee_search_label = QLabel(self.pairing_group)
        self.mentee_search_label.setObjectName(u"mentee_search_label")

        self.pairing_group_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.mentee_search_label)

        self.mentee_search = QLineEdit(self.pairing_group)
        self.mentee_search.setObjectName(u"mentee_search")
        self.mentee_search.setClearButtonEnabled(True)

        self.pairing_group_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.mentee_search)

        self.mentees_label = QLabel(self.pairing_group)
        self.mentees_label.setObjectName(u"mentees_label")

        self.pairing_group_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.mentees_label)

        self.mentees = QListWidget(self.pairing_group)
        self.mentees.setObjectName(u"mentees")

        self.pairing_group_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.mentees)

        self.name_label = QLabel(self.pairing_group)
        self.name_label.setObjectName(u"name_label")

        self.pairing_group_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(self.pairing_group)
        self.name.setObjectName(u"name")

        self.pairing_group_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.name)

        self.status_label = QLabel(self.pairing_group)
        self.status_label.setObjectName(u"status_label")

        self.pairing_group_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.status_label)

        self.status = QComboBox(self.pairing_group)
        self.status.setObjectName(u"status")

        self.pairing_group_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.status)


        self.columns_layout.addWidget(self.pairing_group)

        self.agreement_group = QGroupBox(PairingForm)
        self.agreement_group.setObjectName(u"agreement_group")
        self.agreement_group_layout = QFormLayout(self.agreement_group)
        self.agreement_group_layout.setObjectName(u"agreement_group_layout")
        self.agreement_group_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.proposed_on_label = QLabel(self.agreement_group)
        self.proposed_on_label.setObjectName(u"proposed_on_label")

        self.agreement_group_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.proposed_on_label)

        self.proposed_on = QDateEdit(self.agreement_group)
        self.proposed_on.setObjectName(u"proposed_on")
        self.proposed_on.setCalendarPopup(True)
        self.proposed_on.setDisplayFormat(u"yyyy-MM-dd")

        self.agreement_group_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.proposed_on)

        self.started_on_label = QLabel(self.agreement_group)
        self.started_on_label.setObjectName(u"started_on_label")

        self.agreement_group_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.started_on_label)

        self.started_on = QDateEdit(self.agreement_group)
        self.started_on.setObjectName(u"started_on")
        self.started_on.setCalendarPopup(True)
        self.started_on.setDisplayFormat(u"yyyy-MM-dd")

        self.agreement_group_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.started_on)

        self.ended_on_label = QLabel(self.agreement_group)
        self.ended_on_label.setObjectName(u"ended_on_label")

        self.agreement_group_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.ended_on_label)

        self.ended_on = QDateEdit(self.agreement_group)
        self.ended_on.setObjectName(u"ended_on")
        self.ended_on.setCalendarPopup(True)
        self.ended_on.setDisplayFormat(u"yyyy-MM-dd")

        self.agreement_group_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.ended_on)

        self.meeting_frequency_label = QLabel(self.agreement_group)
        self.meeting_frequency_label.setObjectName(u"meeting_frequency_label")

        self.agreement_group_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.meeting_frequency_label)

        self.meeting_frequency = QLineEdit(self.agreement_group)
        self.meeting_frequency.setObjectName(u"meeting_frequency")

        self.agreement_group_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.meeting_frequency)

        self.meeting_length_label = QLabel(self.agreement_group)
        self.meeting_length_label.setObjectName(u"meeting_length_label")

        self.agreement_group_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.meeting_length_label)

        self.meeting_length = QLineEdit(self.agreement_group)
        self.meeting_length.setObjectName(u"meeting_length")

        self.agreement_group_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.meeting_length)

        self.meeting_venue_label = QLabel(self.agreement_group)
        self.meeting_venue_label.setObjectName(u"meeting_venue_label")

        self.agreement_group_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.meeting_venue_label)

        self.meeting_venue = QLineEdit(self.agreement_group)
        self.meeting_venue.setObjectName(u"meeting_venue")

        self.agreement_group_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.meeting_venue)

        self.contact_between_meetings_label = QLabel(self.agreement_group)
        self.contact_between_meetings_label.setObjectName(u"contact_between_meetings_label")

        self.agreement_group_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.contact_between_meetings_label)

        self.contact_between_meetings = QLineEdit(self.agreement_group)
        self.contact_between_meetings.setObjectName(u"contact_between_meetings")

        self.agreement_group_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.contact_between_meetings)

        self.review_on_label = QLabel(self.agreement_group)
        self.review_on_label.setObjectName(u"review_on_label")

        self.agreement_group_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.review_on_label)

        self.review_on = QDateEdit(self.agreement_group)
        self.review_on.setObjectName(u"review_on")
        self.review_on.setCalendarPopup(True)
        self.review_on.setDisplayFormat(u"yyyy-MM-dd")

        self.agreement_group_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.review_on)

        self.goals_label = QLabel(self.agreement_group)
        self.goals_label.setObjectName(u"goals_label")

        self.agreement_group_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.goals_label)

        self.goals = QPlainTextEdit(self.agreement_group)
        self.goals.setObjectName(u"goals")
        self.goals.setTabChangesFocus(True)

        self.agreement_group_layout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.goals)

        self.confidentiality_agreed = QCheckBox(self.agreement_group)
        self.confidentiality_agreed.setObjectName(u"confidentiality_agreed")

        self.agreement_group_layout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.confidentiality_agreed)

        self.end_reason_label = QLabel(self.agreement_group)
        self.end_reason_label.setObjectName(u"end_reason_label")

        self.agreement_group_layout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.end_reason_label)

        self.end_reason = QComboBox(self.agreement_group)
        self.end_reason.setObjectName(u"end_reason")

        self.agreement_group_layout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.end_reason)


        self.columns_layout.addWidget(self.agreement_group)

        self.columns_layout.setStretch(0, 1)
        self.columns_layout.setStretch(1, 1)

        self.main_layout.addLayout(self.columns_layout)

        self.button_box = QDialogButtonBox(PairingForm)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.strand_label.setBuddy(self.strand)
        self.mentor_label.setBuddy(self.mentor)
        self.mentee_search_label.setBuddy(self.mentee_search)
        self.mentees_label.setBuddy(self.mentees)
        self.name_label.setBuddy(self.name)
        self.status_label.setBuddy(self.status)
        self.proposed_on_label.setBuddy(self.proposed_on)
        self.started_on_label.setBuddy(self.started_on)
        self.ended_on_label.setBuddy(self.ended_on)
        self.meeting_frequency_label.setBuddy(self.meeting_frequency)
        self.meeting_length_label.setBuddy(self.meeting_length)
        self.meeting_venue_label.setBuddy(self.meeting_venue)
        self.contact_between_meetings_label.setBuddy(self.contact_between_meetings)
        self.review_on_label.setBuddy(self.review_on)
        self.goals_label.setBuddy(self.goals)
        self.end_reason_label.setBuddy(self.end_reason)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PairingForm)
        self.button_box.accepted.connect(PairingForm.accept)
        self.button_box.rejected.connect(PairingForm.reject)

        QMetaObject.connectSlotsByName(PairingForm)
    # setupUi

    def retranslateUi(self, PairingForm):
        PairingForm.setWindowTitle(QCoreApplication.translate("PairingForm", u"Pairing", None))
        self.pairing_group.setTitle(QCoreApplication.translate("PairingForm", u"Pairing", None))
        self.strand_label.setText(QCoreApplication.translate("PairingForm", u"St&rand:", None))
        self.mentor_label.setText(QCoreApplication.translate("PairingForm", u"&Mentor:", None))
        self.mentee_search_label.setText(QCoreApplication.translate("PairingForm", u"&Find mentee:", None))
        self.mentee_search.setPlaceholderText(QCoreApplication.translate("PairingForm", u"Search\u2026", None))
        self.mentees_label.setText(QCoreApplication.translate("PairingForm", u"M&entees:", None))
#if QT_CONFIG(tooltip)
        self.mentees.setToolTip(QCoreApplication.translate("PairingForm", u"Tick one mentee, or several for a circle", None))
#endif // QT_CONFIG(tooltip)
        self.name_label.setText(QCoreApplication.translate("PairingForm", u"&Name:", None))
        self.name.setPlaceholderText(QCoreApplication.translate("PairingForm", u"Optional, e.g. the name of a circle", None))
        self.status_label.setText(QCoreApplication.translate("PairingForm", u"&Status:", None))
        self.agreement_group.setTitle(QCoreApplication.translate("PairingForm", u"Dates and agreement", None))
        self.proposed_on_label.setText(QCoreApplication.translate("PairingForm", u"&Proposed on:", None))
        self.started_on_label.setText(QCoreApplication.translate("PairingForm", u"S&tarted on:", None))
        self.ended_on_label.setText(QCoreApplication.translate("PairingForm", u"En&ded on:", None))
        self.meeting_frequency_label.setText(QCoreApplication.translate("PairingForm", u"Meeting fre&quency:", None))
        self.meeting_frequency.setPlaceholderText(QCoreApplication.translate("PairingForm", u"e.g. once a month", None))
        self.meeting_length_label.setText(QCoreApplication.translate("PairingForm", u"Meeting &length:", None))
        self.meeting_length.setPlaceholderText(QCoreApplication.translate("PairingForm", u"e.g. one hour", None))
        self.meeting_venue_label.setText(QCoreApplication.translate("PairingForm", u"&Venue:", None))
        self.contact_between_meetings_label.setText(QCoreApplication.translate("PairingForm", u"&Contact between meetings:", None))
        self.review_on_label.setText(QCoreApplication.translate("PairingForm", u"Re&view on:", None))
        self.goals_label.setText(QCoreApplication.translate("PairingForm", u"&Goals:", None))
        self.goals.setPlaceholderText(QCoreApplication.translate("PairingForm", u"What the mentee wants from the pairing", None))
        self.confidentiality_agreed.setText(QCoreApplication.translate("PairingForm", u"Confidentiality &agreed", None))
        self.end_reason_label.setText(QCoreApplication.translate("PairingForm", u"End reas&on:", None))
#if QT_CONFIG(tooltip)
        self.end_reason.setToolTip(QCoreApplication.translate("PairingForm", u"Why the pairing ended early", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi
