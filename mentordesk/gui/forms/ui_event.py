# do not edit — generated from ui/event.ui by ui/compile.py

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QSpacerItem, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_EventForm(object):
    def setupUi(self, EventForm):
        if not EventForm.objectName():
            EventForm.setObjectName(u"EventForm")
        EventForm.setMinimumSize(QSize(560, 0))
        self.main_layout = QVBoxLayout(EventForm)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title_label = QLabel(EventForm)
        self.title_label.setObjectName(u"title_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title = QLineEdit(EventForm)
        self.title.setObjectName(u"title")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.title)

        self.kind_label = QLabel(EventForm)
        self.kind_label.setObjectName(u"kind_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind = QComboBox(EventForm)
        self.kind.setObjectName(u"kind")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kind)

        self.starts_at_label = QLabel(EventForm)
        self.starts_at_label.setObjectName(u"starts_at_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.starts_at_label)

        self.starts_at = QDateTimeEdit(EventForm)
        self.starts_at.setObjectName(u"starts_at")
        self.starts_at.setCalendarPopup(True)
        self.starts_at.setDisplayFormat(u"yyyy-MM-dd HH:mm")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.starts_at)

        self.ends_at_label = QLabel(EventForm)
        self.ends_at_label.setObjectName(u"ends_at_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.ends_at_label)

        self.ends_at = QDateTimeEdit(EventForm)
        self.ends_at.setObjectName(u"ends_at")
        self.ends_at.setCalendarPopup(True)
        self.ends_at.setDisplayFormat(u"yyyy-MM-dd HH:mm")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.ends_at)

        self.timezone_note = QLabel(EventForm)
        self.timezone_note.setObjectName(u"timezone_note")
        self.timezone_note.setStyleSheet(u"color: palette(mid)")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.timezone_note)

        self.all_day_label = QLabel(EventForm)
        self.all_day_label.setObjectName(u"all_day_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.all_day_label)

        self.all_day = QCheckBox(EventForm)
        self.all_day.setObjectName(u"all_day")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.all_day)

        self.location_label = QLabel(EventForm)
        self.location_label.setObjectName(u"location_label")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.location_label)

        self.location = QLineEdit(EventForm)
        self.location.setObjectName(u"location")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.location)

        self.online_link_label = QLabel(EventForm)
        self.online_link_label.setObjectName(u"online_link_label")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.online_link_label)

        self.online_link = QLineEdit(EventForm)
        self.online_link.setObjectName(u"online_link")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.online_link)

        self.facilitator_label = QLabel(EventForm)
        self.facilitator_label.setObjectName(u"facilitator_label")

        self.form_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.facilitator_label)

        self.facilitator = QLineEdit(EventForm)
        self.facilitator.setObjectName(u"facilitator")

        self.form_layout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.facilitator)

        self.audience_label = QLabel(EventForm)
        self.audience_label.setObjectName(u"audience_label")

        self.form_layout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.audience_label)

        self.audience = QComboBox(EventForm)
        self.audience.setObjectName(u"audience")

        self.form_layout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.audience)

        self.audience_strand_label = QLabel(EventForm)
        self.audience_strand_label.setObjectName(u"audience_strand_label")

        self.form_layout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.audience_strand_label)

        self.audience_strand = QComboBox(EventForm)
        self.audience_strand.setObjectName(u"audience_strand")

        self.form_layout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.audience_strand)

        self.capacity_label = QLabel(EventForm)
        self.capacity_label.setObjectName(u"capacity_label")

        self.form_layout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.capacity_label)

        self.capacity = QSpinBox(EventForm)
        self.capacity.setObjectName(u"capacity")

        self.form_layout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.capacity)

        self.description_label = QLabel(EventForm)
        self.description_label.setObjectName(u"description_label")

        self.form_layout.setWidget(12, QFormLayout.ItemRole.LabelRole, self.description_label)

        self.description = QPlainTextEdit(EventForm)
        self.description.setObjectName(u"description")
        self.description.setTabChangesFocus(True)

        self.form_layout.setWidget(12, QFormLayout.ItemRole.FieldRole, self.description)


        self.main_layout.addLayout(self.form_layout)

        self.repeats = QGroupBox(EventForm)
        self.repeats.setObjectName(u"repeats")
        self.repeats.setCheckable(True)
        self.repeats.setChecked(False)
        self.repeats_layout = QHBoxLayout(self.repeats)
        self.repeats_layout.setObjectName(u"repeats_layout")
        self.every_weeks_label = QLabel(self.repeats)
        self.every_weeks_label.setObjectName(u"every_weeks_label")

        self.repeats_layout.addWidget(self.every_weeks_label)

        self.every_weeks = QSpinBox(self.repeats)
        self.every_weeks.setObjectName(u"every_weeks")
        self.every_weeks.setMinimum(1)
        self.every_weeks.setMaximum(52)
        self.every_weeks.setValue(1)

        self.repeats_layout.addWidget(self.every_weeks)

        self.session_count_label = QLabel(self.repeats)
        self.session_count_label.setObjectName(u"session_count_label")

        self.repeats_layout.addWidget(self.session_count_label)

        self.session_count = QSpinBox(self.repeats)
        self.session_count.setObjectName(u"session_count")
        self.session_count.setMinimum(2)
        self.session_count.setMaximum(52)
        self.session_count.setValue(4)

        self.repeats_layout.addWidget(self.session_count)

        self.repeats_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.repeats_layout.addItem(self.repeats_spacer)


        self.main_layout.addWidget(self.repeats)

        self.button_box = QDialogButtonBox(EventForm)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.title_label.setBuddy(self.title)
        self.kind_label.setBuddy(self.kind)
        self.starts_at_label.setBuddy(self.starts_at)
        self.ends_at_label.setBuddy(self.ends_at)
        self.all_day_label.setBuddy(self.all_day)
        self.location_label.setBuddy(self.location)
        self.online_link_label.setBuddy(self.online_link)
        self.facilitator_label.setBuddy(self.facilitator)
        self.audience_label.setBuddy(self.audience)
        self.audience_strand_label.setBuddy(self.audience_strand)
        self.capacity_label.setBuddy(self.capacity)
        self.description_label.setBuddy(self.description)
        self.every_weeks_label.setBuddy(self.every_weeks)
        self.session_count_label.setBuddy(self.session_count)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(EventForm)
        self.button_box.accepted.connect(EventForm.accept)
        self.button_box.rejected.connect(EventForm.reject)

        QMetaObject.connectSlotsByName(EventForm)
    # setupUi

    def retranslateUi(self, EventForm):
        EventForm.setWindowTitle(QCoreApplication.translate("EventForm", u"Event", None))
        self.title_label.setText(QCoreApplication.translate("EventForm", u"&Title:", None))
        self.kind_label.setText(QCoreApplication.translate("EventForm", u"&Kind:", None))
        self.starts_at_label.setText(QCoreApplication.translate("EventForm", u"&Starts:", None))
        self.ends_at_label.setText(QCoreApplication.translate("EventForm", u"&Ends:", None))
        self.all_day_label.setText(QCoreApplication.translate("EventForm", u"&All day:", None))
        self.location_label.setText(QCoreApplication.translate("EventForm", u"&Location:", None))
        self.online_link_label.setText(QCoreApplication.translate("EventForm", u"Online &meeting link:", None))
        self.online_link.setPlaceholderText(QCoreApplication.translate("EventForm", u"https://\u2026", None))
        self.facilitator_label.setText(QCoreApplication.translate("EventForm", u"&Facilitator:", None))
        self.audience_label.setText(QCoreApplication.translate("EventForm", u"A&udience:", None))
        self.audience_strand_label.setText(QCoreApplication.translate("EventForm", u"St&rand:", None))
        self.capacity_label.setText(QCoreApplication.translate("EventForm", u"&Capacity:", None))
        self.description_label.setText(QCoreApplication.translate("EventForm", u"&Description:", None))
        self.repeats.setTitle(QCoreApplication.translate("EventForm", u"&Repeats (a series of sessions)", None))
        self.every_weeks_label.setText(QCoreApplication.translate("EventForm", u"Every", None))
        self.every_weeks.setSuffix(QCoreApplication.translate("EventForm", u" week(s)", None))
        self.session_count_label.setText(QCoreApplication.translate("EventForm", u"Number of sessions:", None))
    # retranslateUi
