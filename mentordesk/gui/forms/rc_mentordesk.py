# do not edit — generated from resources/mentordesk.qrc by ui/compile.py

from PySide6 import QtCore

qt_resource_data = b"\
\x00\x00\x01\xfb\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2225\
6\x22 height=\x22256\x22 \
viewBox=\x220 0 256\
 256\x22>\x0a  <title>\
MentorDesk</titl\
e>\x0a  <rect x=\x228\x22\
 y=\x228\x22 width=\x2224\
0\x22 height=\x22240\x22 \
rx=\x2248\x22 fill=\x22#1\
f5f8b\x22/>\x0a  <!-- \
A mentor and a m\
entee: a larger \
and a smaller fi\
gure side by sid\
e -->\x0a  <circle \
cx=\x2298\x22 cy=\x2284\x22 \
r=\x2230\x22 fill=\x22#ff\
ffff\x22/>\x0a  <path \
d=\x22M44 196c0-36 \
24-62 54-62s54 2\
6 54 62z\x22 fill=\x22\
#ffffff\x22/>\x0a  <ci\
rcle cx=\x22172\x22 cy\
=\x22112\x22 r=\x2222\x22 fi\
ll=\x22#f2b84b\x22/>\x0a \
 <path d=\x22M132 1\
96c0-28 18-48 40\
-48s40 20 40 48z\
\x22 fill=\x22#f2b84b\x22\
/>\x0a</svg>\x0a\
"

qt_resource_name = b"\
\x00\x0a\
\x0bf\xd4;\
\x00m\
\x00e\x00n\x00t\x00o\x00r\x00d\x00e\x00s\x00k\
\x00\x05\
\x00o\xa6S\
\x00i\
\x00c\x00o\x00n\x00s\
\x00\x0e\
\x04,\x97g\
\x00m\
\x00e\x00n\x00t\x00o\x00r\x00d\x00e\x00s\x00k\x00.\x00s\x00v\x00g\
"

qt_resource_struct = b"\
\x00\x00\x00\x00\x00\x02\x00\x00\x00\x01\x00\x00\x00\x01\
\x00\x00\x00\x00\x00\x02\x00\x00\x00\x01\x00\x00\x00\x02\
\x00\x00\x00\x1a\x00\x02\x00\x00\x00\x01\x00\x00\x00\x03\
\x00\x00\x00*\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\
"

def qInitResources():
    QtCore.qRegisterResourceData(0x01, qt_resource_struct, qt_resource_name, qt_resource_data)

def qCleanupResources():
    QtCore.qUnregisterResourceData(0x01, qt_resource_struct, qt_resource_name, qt_resource_data)

qInitResources()
