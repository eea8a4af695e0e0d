"""Real spreadsheet files written in a temporary folder for the reading layer's tests."""

from __future__ import annotations

import base64
import zipfile
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

#: A real Excel 97–2003 workbook made with xlwt 1.3.0 (no .xls writer is installed):
#: sheet "Applicants", "Applications 2026" in A1, headers Name/Email/Submitted on
#: row 3, then Ana Silva (submitted 2026-04-03, a date cell) and Ben Okafor (45351,
#: a plain number). zlib-compressed, then base64.
LEGACY_XLS = (
    "eNrtWE1IVFEU/t6dNz+KzoymgQYyCFmZRhlEGx0VzdWY5aIfgnqjrxiceTOMU1SLssxlEbQqIhBs0cZq0w+1KGjRIlBsEQSB"
    "1rJVUNBCfZ175j4azcCBMoz3Pe65955zvnfPfffn3fempypmxx/WzmEZ2uDBol0CX4FOo1TiVMIgu23LopMHKNku1hVKAjSQ"
    "Pi+elb/xyzGU4z0HgQf6S5LAR0rHkEFv2jIja4hOjsHQZAytJDXcJk0QNRxVJcsBlhtY3mfP5yzbWXOVZSv5zmpHMRXtbdyr"
    "ZvFhUc+2IOR9HzPnPWt2oRqv5Sy+eF3L+3rRkU0YyXVmqNPLMAEa0B7TMrOyHsJdlAJHCM2xWHNX1yyqaLAn8M2OAF+dVf0i"
    "4urXVq+B9N+X6v2/0QdoEJfrbwgdGIF9ghfJGE13Q5eWUnRkMsnEgGHlhueR481Zpgo4hlwibQ1HWna27CFCr5EyvUB3ykgk"
    "aY/vPx1PJXI5c5DKHZYR6U8kzxghwLCMdvOskcokzR3p7CmaUZ2mFdk/ZJxMZ8kcN61lZuQ3mPCSDaacF14ZyUGEuFzByy9M"
    "Ec7f+zITi/dFj7NmhGPOv3o2y57CxiXJIHKQLV6WHkqNzNjO8jLfdROXa1lWkSflDX3VqrBvlH2usLWB2tnNeBvdUlDeSuWx"
    "zwee1I19im6j8mTP3PmqyXfRcdTTq3CQ+PIaRZPWpN26KfE06uSa2qY+sKz5ZcsKiLDqm63eryEsyEWaHyXlIbh3Sz0Ee8hn"
    "kq85zy9fE1TzKLZnBbaH2bry9zBbPsULQtYERX1tWjBbX4GtM9un2Dqz/Yqtc9t3Xgm0iUo8kiHRZvwTpXDhwoULFy5cuHDx"
    "jyEPkUIdoHV1nJaHO7/6r7NAadH9TfLf4iDSdOXoo7IbFuVZnCtq/myEV3Pupa2S4/wvlDhErWcxhDjHMVT0/KVPLK2wP6sm"
    "hv/cEiq2/cVi4vzL7f8AS//0/g=="
)

#: A real password-protected .xlsx (password "secret"), encrypted with
#: msoffcrypto-tool 6.1.0 from an openpyxl workbook; zlib-compressed, then base64.
ENCRYPTED_XLSX = (
    "eNrtVwdUU1uXDr0jTToSYqETSugQBAKE3qUJCiHUkEASekfpIqL0JkUpKihdEFRsgIAgHREUBAQFQZAqylyU9359f5nnm5m1"
    "Ztb8+64vJ+ece8539t7f3Tfp7WF+XVjFPQn6g8FBZKCvuzQgyh/GSACQ/tZh+t7fw9fd3d3fhnf/bf+n7AuAvfyRAbkj38/l"
    "Xs6pAFDv92mBlg4APQAGAIwADnyXAIgZAMv+ff+2/3v22/NLtt/+1fyzAmADcBAAOwAOAJwAuABwA+ABwAuAD8AhAPz/1sz/"
    "CjMD4YCLCAKDtEBYoMWDAkG/Yuwgit9rPu0/uSciiN+1PmSc5LeWArQvLsD2WFHfWL0BdjTIGWQCcgRGPIFPV6D/nxkEeCP9"
    "6M+f4afZo2f9PkcJQgBMRADmwAn2mNEgwi/4zwm8AX/jJv+T/v84dwLgwwOM7kAWsKBfNyYQKcmv+r83ZrA/9/feGwKt95/m"
    "5wb492oHxf67/8/w7/2G8P6n/LpAHFyAaPw54wWRfPOf6lsufz3+5t80vxd71z9o8XtG/v58PxvsL8R/TyfH9+csAD5HgIfw"
    "zWc8yOvX/f9df9T/A/7//fn+6D/J7/7T/AV+SuB5xwNcXgDLr9Ye0Ld3z6/Hf0+r7aB/VH+++/wrGTgE8JPu/w7+lfpTSAH6"
    "X2EqAAwBv1HfVEAA4ALEQQKk+S0Se8p3B9q9GiXxDyvlb/8BSP4iP/X+Wrcf9gD/ifeC9H/Ds/sjv/RffBas99fv1dNgkDZw"
    "KYLUQTJAKwl8ioNkQXLAXtrANxjwTerbmAZwMgQwszerDoxLAdGWAkYkQfLAOfbuCwUZ/UJe/uxZ/1muyP8L+iEHrr1apqIW"
    "4IUB+6HxBHccVhUiJSEJAaOxKJyzO9ZVFWJpoS2uAAETiI5YZ0cMDotWhQSiCRA1OK0KcBM+0JsIrAIDO2AJqhA3ItFbCQol"
    "oNzQXo4ECS93FB5HwLkQJVA4LyjOxcUdhYZKS0rKQf+2FPJ9rZL3L6z2RAdqfd8Ah4d6OxII/ji8828bof7qRig0nugOzDkS"
    "0RA4LRgwFWAe4Uh0BBMcMURz9yDAdyk5CNgJg0N5/q0L3KThTgS8l5YFem6OBLfvc3IwyLddfjeUu7cbGq+OccXh3YluXqoQ"
    "dS1zyP6oppujO/ZbwH/7ZohzRmtqaH7f8YdF5kh1WSlpyLcznXDE+AJMnlpyXsbmRCzMzSIAo+lqGRQk6yjnqqoKAUP3HXEG"
    "vNDFEtGuwCaB4P3oo52RXo4ofXSgKkRDG+uIULDw8XTRkNOAmljKWJv42Xo5WsoTHHH6eGcUIRCqZybq5QLT9LK0QOhI2iIl"
    "XY1l5NDyNu6SophAL4Krq5W2u5sozssP64bz00C6WBkR/PdO8BPX/nmt0C5axjo2fqYIU2kdLeMAcwOiE8zD2spVzokgY4Zw"
    "D7TRQ5kZB8nKGpjqayKgeGdJUyNfeUNtWS0DT1uUvwve1ErXzBalfsINCnXBOWF93IJ8Ueo/+vtjYgnw39Pw0zjYF+/+XxYd"
    "/KcUq3gr/e4vEFcwwdsdq4nzxRIBpUjuGeQXpPSzeP5gP8nsv1dZ/5L3B9XhXS0lpdCBUAIW5Up0UUcgzWWI0uo/5fwEGg88"
    "UWg8EiDSxXr7AnHAYOX0PQ28A00cdZBuemYmljrGhpZ7q/4l7T/ccf8cMGMTnJSBGQKjI481AkKC8dK2ctc1kvTT9jE09ifI"
    "+uC0ZAlQBVsjRz9bfaSUrLmonLSzhx7Wy89c31svwBeG1TmBs5a2hIlCtbwVkabGUFsNP9ef/AByuU8mb0qUIVrKO/rpShLQ"
    "HjYKbh5uaAsZYz03DD7ohKePiSwMbYgzxhmo66L+Jsdv0vhJQPsyhf5Bpyo/FEY47X9Sv9dYvredilmHFWmJ7zTxDsHW5CuR"
    "1vxUqnSNNvI7FZBZbi12pOl1tAf0ZEf4x/s0wcPvxG52oZfyavpvVbF8tBELbGenTZG9oX2vZEr0k0G3vQwpZznp1Vpkz+kR"
    "bTvkyaBLdIXiYtEkyXBX4jmJwMRbArNkihF1HnZrxCOJGSUbAhsY8hDa9RHXeAbnTHBU6dptt6tn4x4Jk9VZHWUxPHVojaN6"
    "QQF6D4ppKqLDjGQwM2go0j638ptkNLcUjufkUh38/OU8BXXZOxERRi49WfqdJZ/SleAps6y6r2rWD+8MeuW+b/VAj8Ve6vMx"
    "7RGWWLE5DK4APXOJx8oMFZjFOp1Ifn5OMeomifBA3lxla9n5jwQ6pml/rYuz3t2aT62tbOF9uGaUXlAIs4qLWodSeoT1gQqG"
    "XjwSx16ir1WCfx/N4OeilWxtnq2U0nQ7uLTzevNB4bF+noGctI3cQ3XXyR+eyeTJV37USJATELM0qsebBFnelF0r9I0WKWBq"
    "Yd42rRee6OE8/Ix6YLKQZQd7gSTNodgY5xVWHNLr7lXDxWOe9tTqrO5DaVFlSFIEv/uJA11H4juqYbtHrsBHpDMfW9aHyuUP"
    "C7U8W3R8xf7kGCthffRmhhQ2vLNSCyugvlzvInvFLX9s3JIXJF5+tFBVXadz2vpMQHgVTet6G9vz0xgrxetsHyl1dThWnZI7"
    "mgujRZfcD9j6j4OVTnrMxAqEfhl1EGZUnl+grLK64Q5zX44SyCfqBmnbCJ83igWbHp1dcluSQ9FFK3V2XFpl8/hsPqOxZrn5"
    "qFEreFMTFgBm5px6MZRZ9sm6XG/6chJf9QqU7tbV6YlSfprNHdqTy3xNbakWkGk58IJKipPIZRLbmwJky+cpLmq5pOaJvDgX"
    "bZDz7E5TUUSXQVt9XCGrZUrFfKO/nFjnizdYfgRyW2pRfGKVy0REaqqHxmVQ+WkvA91gNVPNVVzWqHeF1KoZTWDSjPcjRJbR"
    "ViUDtQap17NJjRTjriL7h2Xpuf2NSK8bDwJvl7dcoly6Es4fmLKVYbRFpVGg1Qf2Qii/W3jhagUb7o/of2XbkhdgZCKU5RPr"
    "5/h2lyrW8sKoVOezvDHtu5HY5y8P0TwdtqTdiTS4YV7A7ILb9OaVB3nPy8Ipz7RTkJ2NF20w3Rmx4u3ODGHoNmLQphwmSRpL"
    "5s/UUwhPSX6c3MEVM/pZPlopfzWHINO4jLLLGDonxV+7WMdy7FFtvxXqQuHOwGDYJKzEIozG5EhUkb6Y1TjPYDwJ06a+wOmU"
    "jw2CVeT162wXL+UlJ+qeXX8+edvNv+LE/clnPcneR0+e+uhzdVMh8xTC4GnElcNfUpfBgxk0yk5rpkkdVhsonaMvXmyDIAXx"
    "PeqEo+LnO3KVezRjGbYYGPVJw8+j3z7Syn/ZcjJFkmXy/h2VduX72+L+Yz02pn1qaxRml/sT+zJbBktlhW+GhObXx/mpvymA"
    "VDyjVbj7ylRUA1mdAE871JpSZXSBY/3UnfkbzYIG/iLcI7qXFsXL4uPknTQEjy1lVMRy9VPJvM2csCuKfLiouM4eObJNv/JW"
    "Xy203twy8FPcWO29G2+jhxbUEoxpe4tnkpMsPIVAw5IvE8qPvicblOBECaskSMjBzk/e5XGqTE631DOJU6RoRSDjKhV1VBil"
    "sxNXpwSiAl1XaqlxTyvYnIktYffPvq2maH15NVj0a5NZ9OVwSy/d2a9h1ZyN6oKptV5rBqNUDdF+OnKNTQ4gNE2UPXXceZ2a"
    "WMG1hTNRPm/ki18KOIMrY08/pYxVifkqRyT0BCJpqIYT7oYF5gZVFnI0OHk+ZDjU8lXjknobZajeRtMG97BnT7/HRyxtUDox"
    "FnunK7sCd1pYFSUSwOf7eqpXHDkwRzqbke5eiT5puY6WeINhW5OHGT32jIGKZSh3v7/YW9RfhczIxLlNIoQLU7t30pIxFPT3"
    "K/uPZpPPtips5FgOILAPcJKsPvY0BGl1scSJiMBF7Wj3hfzpeSXrboPd4QTstK3OfXf1VSXx+7aGUsf9l6m60jQf4tyKPon5"
    "B2WZ6efob0RqGNLZmzF8ftUWKDPefAv+gKXaenVu6Zb9q1PbnZq6zJrgrwrHRKySOliPIwTo/eHaBW79JGNfMNMvu3y4P5Bl"
    "hsbuuHPN1/do6Lu9xeSXl1Nkprb2qSyUKUVd5kF2jAtYYCXHPl9lLci9yDoXbMeXeYuPwcE9rWJ6kUlZQ83+nrmqTKqYb8k7"
    "ipgx4oUDbdYfGATDOfTFz07QlWd7bXAI3KHUVIgz5BZen2X8IHk5x1GY4wl/gGTHpati7HiOsBzE4rns7K4G0RzuKmlJZNTR"
    "dI/yiVC3I6+utnEsxTDMjWdfR+A6TaC3YRDly+Kdt/zvxMjzVidXLPM5QNumjh2B5YwrSVoLHluIIukmN+EYPv6uwynqyTGF"
    "+tgBqnKVNYSCdpHRi4svUPaROIgODbhbNLxV2zm/lKXxbVMD6Sl4Nhe62+GjSP9NsRH24IZS1CJHJ89mtw7/VP5cf7nFGLnz"
    "Ju2pztTPxKn1tSXkdjVZYvAVepMtE+NtlpyS+5yYorDGlYZHZz/5Fp1UOUDxcdswj3HGt2Pk0g5l6YFTBbi4zJnMR+zm7JPH"
    "zhlT5peaCFXbvlaxUM0ciLu97mCmi7qf/m5EpCWk2LDnocupwx/cbn7ScWa60SvKCn315STzKguYk3e34obphcKch49oT8vq"
    "PVscaeuRoE3z5H2Fq7IYLh+KmSJ50mjApLKVW5DhSV7yctVWxv68kZEDAYI+PT2SblWwIJP8usV+982LuKERMz6DgXk1R5G6"
    "zFoK4/sJz6/dKl3HBJrZh7slUy9tVfs/GKTsTDrquSX+zC6M9EDffYrjUyihaF7jDpHse8cOJYoNpzPgGvJ3GXcxTycGoOQU"
    "SbmaD3pDuZXypiquy+obXWPYGvWn6Rejxktae8mzcCGpkJ9eMUi925CeTIFo0cJslFrOFaCL2mVpBa7xXBbggtVQzyI0RElP"
    "V1lrma8bRTYQ9HIcvHLShQWfhE8EzR+ripHM4pe8gnag7qVXAjEyilWx29+0i1vIrb8v8CnQv13uHLz4uO8Zh7pHxFDJoIC8"
    "Rb97FpJccofOSxWMS0OPpVZEwsgF6kEXXdjoXyovb0SrUNpHQ+R7zQ5Y4NPW2aERA04P0i7c7b7U+KCpzaVTI7y7to3fePM9"
    "u51UicUGm1oiSI4l0IUhlCoS67revkt6bVTPKktl+2L8PXHrcadDO6TMrvyS5ZtV8XGxVyI9IEz0zXynAnNH4TSOM+1abfOH"
    "2K8zsz7t3GaRFVGgqfH0SC0579h8Z6y4UsLb6v142m0ZRUh3VEJuAo536zMnE2G1gcFYT80eRszia+gKfu6vr8EL+/za8G5A"
    "h7wehxJHy3u27reHfd5lPeckF4q4nFz5Ya50cSeftPacuP3BOduQA/ClyCcH7kZnG1iXWNAFH5QY3OL69CVMXce3yVuyFOE6"
    "4Gtg9vygdYGL01PTY+dFkARbh56XNIaMcz1jt8cfgK0tKpYE864EtaYri0yocQUiap4I+Jpgx86ol1dqZHXiZmMUZ3fgqXZP"
    "Xnwx/8yZiGunHKrjWubOfbXgytL3SANs0tA2X0Zdq3xlsvus7HZCcQj7EseVQF5pJOqtrnZmM/XYGbUvu2HK8YaFDzGRD79Q"
    "Y6HGoEvkKp/luVPSH3ZW0ZAJCNWyVJj2XAuHi3ojJuPY87ICjEjUt8noN+JFxH0wFY/nLtnYiY0s062GM3zUVXNtbPKa+0Kn"
    "UJue1VefOilb/yRa96pOSEMF82Pkkcs9MmWRvtOYj0tc0XPmtCPk6MHk++QGdon8kQq3lFnt12u+WNZhR81vCU7Rm0dbKp86"
    "4+R4MYum1EhNLzOgoYGsmFqLXSrrlofBKcXaEm3/Wtf8vHrS+ZOLvT4HRdI6r69J5nxM2VQfb6830xubIaM3VuyVCl9b7TSE"
    "a1y8rzD9uu/L/Oegu6DluEZwSNVKg3iA2i78gFs7gp7vAdKAlHrFhSUPdfritlnL3etmKJwgTZxER+Nn3z65y2OPkEMZOVai"
    "ThbG1xTbb1awIZrsmD/PyEk055OoL1Bs0d270ZYjKukpRoEZt2k+UXo7gL08+iEigLZyZxUWPqMxn5g8M0I4Q0/y0Dg14nV/"
    "X1zSeogRtXMyN8eBLBO16bvWlBf5q/lA4+hcHSdRdpYby+MeliONp983efah7DXTh68/1thNaGOOeEObWaeDc50JOjj39WvT"
    "iZ4oHd4W3tqQpeKnKy6aL2qef8Te3T3iEJo5GpNH8rlvF8smQn4GNpyKmZRR9JV6tiiaoJzIb8O8Xs/zWmxGoSD7uuWmc3yr"
    "tB7W1mYKs1zH1QqfRtf6xnAerFy6E8qXwt84dp0jMDlihFoUviJQKFRKWixgTfvpVq1p9cGq290nNaWj2NXtDCh6XdbADmXW"
    "NSfUJi5jy4/UdH144mnstIuqP0IfcfEDvBZ2ScvozupXLwG2KFb+qGd1GyuIlpyasLXONdqyEbl7RmLu5R1EZuoTuxQLYW0l"
    "o4hBqkR+7T5qGffGM8HB8nF3vJq3RUnyVj/c8+Aoe9J1TXJW6fjOAzir+kFki0OV35W058FHWBc6DpHJ6rfrqUhP7GowenkL"
    "0QcLTc5QytYHHP/QvJ3jK6vWogQ+dCdSTf7uYUVZ/xdmBzZLc2vLwzg289YymQ7O9p7qEU0rbbn8gTQnaflFvtPGcWauPPOE"
    "Pp9VetBXy5XHA3RVlffpcOs11KdAMkMJ9sWbRFZVRnAU/0IPid8M5VimWfrLLO86FjKqkO14Pk3BV55I21wPFXpavF9GUQ0t"
    "4v1GjE3+1/GkT9QhrZW2t6r4dMY+HicxqpLuqhosd64sDV/01JUPWMC+CVuNbprsOZj14E6jqohVZ83xtvmSayyOJgcqWjkq"
    "XK8up5WmYCkrQVOMzOIbVXZqaeeK0XGPjGEXfCA2du6P9RaiOaXEU33RwQIsvS7ITPTAYicTve6W9sO6l1OvQw24xUNS3fmJ"
    "dNc8x8/pT3MfUy/s4NIfz9g5p9WuTh6zo+h0EfK+c7WNFHOs2iKI4zyheO7pjarGeDFBBu0itPfNrujHPY/dOjppG30bchVR"
    "667kyvoEPmyMcmrKnJ1IJmsi4eCzVtV6T+cDWRbRtLGNK+sHRW2kiqEqfuYth5a3GJACYIEAsiLxpIp1p0PEuzex943tjNL0"
    "jS6qcM3BDZbXP1b3v0tKwSPfO1qRsg48xHCP3lA9Y8J2j5ZTVD6afDReQgw+G+H7UkPo01DAUHhRilFNV8ezmnlmdoTA+YR2"
    "/25H6PWZL2xWdMK97cNMKhFVZq2I+OHQw/XTYw3p6Z6ah7QrcWUKAeb9lM5l5XfNk/rDJMxM3moy7jzSIzHIwZLp+q13+FEF"
    "t9qiMs7I574gg59YI4d4C8uflUdaoZOoR8ovr1aap/CQ0kfiNcGLLllUshNQ+aeGDhtHpCYe16feIwpVSb+JIF4wOod72w9X"
    "nm/u4jISz8mS91mCD2Yu3tmZLpvkzKkowt7po+AMa7YPUjYdLZvyluMJFdoxeZW0HaQrJ8cJNW0kf8PU87g6hUP1pmBTc27e"
    "+vOlJBPyJVTVwWPtdB5pHfhrrqJ9uiVPvJ1obpPRFHuQFfOpHv105V2jiIxTAQX8S7sVhiyKTSHjbR5/IXc/PXqckx5GeosF"
    "WlipZuU7oRq++taEjBXUyJN7+Sp8dw1n9H42pL+54+oJhA6j5BH6pPTsDj3p3FORy195LHcsRUWyv7zipu/APyeWq5QexUdz"
    "xWmnHTaepgt7242FTFaoRiu1wcZFNpzUTzMZFB7jteXaZK+wiz8ju81cZ6iPcLlCbr9C4jX47skc3q74tXGDxoyEhOglQ9G+"
    "jK+msk8E5Xg8Tnff7lKzJlNgar/y6qrmxErfm3ZB2aWs6FYfu13Ec/t3HSKJ1U1v2Fdrxwqeh0iRzR7YYKMdNCW32cngrLw2"
    "jDl56kNyaUKVBgTrha+t8o6d61S5lX28ZkdpeVrlSCMk+2A+zYDCXOrxoDyxFsmEK9Y3qPMqR3hkWvl7h2piyreGPLpcpbTq"
    "RGEJ5wSH0szPUdKclr6RE0JVJ/PkgikUzB9VY//mTMr40LqdtdFxOlKjxGmINDWsjnmbTdr2ZQO+BONnm2NTExhTXOtksfqB"
    "bTNOldxDWcDWQZ6u++vMPIlR9YMozMXApI6bcvOGj8gFxz4GOmRz+UZw+5/MCD3/ftS95MgQJep0+PUi4xP89IM9YiQgqs5k"
    "mbJkROm6SjTvVoiuzMuaTTKh84gNxFSGMlyyJMgzsOz0Lcdhq3rlWQWFFeiDceZyvy3eXZXQJtlR+mi9S2eaW3wn1B4wRtxT"
    "pssUeBJDKTUGP2RRPNzx1LIhiCsn5WQXnEVAf179paJrRbUf+ExyOK2SWHdQqkKqtMGCEK3z0KmxyfnRoaCWc8oiUiYlIMqn"
    "xZebncMT26dhll2nH8Ma5Qq8y+aoTsd8eT1xVc9Y/Pa2n17McxcyV3iJUG7l8XZkOJoY1Hq1lIKP4FFiLtT58PW1100D7YZu"
    "5NI810H/T+0/AHHZWcs="
)

Rows = Sequence[Sequence[Any]]


def unpack(blob: str) -> bytes:
    """Turn one of the embedded files above back into its bytes."""
    return zlib.decompress(base64.b64decode(blob))


def write_xlsx(
    path: Path,
    rows: Rows,
    *,
    start_row: int = 1,
    setup: Callable[[Worksheet], None] | None = None,
    **workbook_attributes: Any,
) -> Path:
    """Write ``rows`` to the first sheet of a new .xlsx, from ``start_row`` down."""
    workbook = openpyxl.Workbook()
    for name, value in workbook_attributes.items():
        setattr(workbook, name, value)
    sheet = workbook.active
    assert sheet is not None
    for offset, row in enumerate(rows):
        for column, value in enumerate(row, start=1):
            if value is not None:
                sheet.cell(start_row + offset, column, value)
    if setup is not None:
        setup(sheet)
    workbook.save(path)
    return path


def rewrite_part(path: Path, part: str, change: Callable[[bytes], bytes]) -> Path:
    """Rewrite one part of a zip-based workbook in place, keeping the others as they are."""
    with zipfile.ZipFile(path) as original:
        parts = [(info, original.read(info)) for info in original.infolist()]
    assert part in {info.filename for info, _ in parts}, f"{part} is not in {path.name}"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as rewritten:
        for info, data in parts:
            rewritten.writestr(info, change(data) if info.filename == part else data)
    return path


_ODS_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content
  xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  office:version="1.2">
<office:body><office:spreadsheet><table:table table:name="Responses">{rows}</table:table>
</office:spreadsheet></office:body></office:document-content>"""

_ODS_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
  manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/"
   manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""


def write_ods(path: Path, rows: Sequence[Sequence[str | float]]) -> Path:
    """Write a minimal OpenDocument spreadsheet by hand: text and float cells only."""

    def cell(value: str | float) -> str:
        if isinstance(value, str):
            return (
                '<table:table-cell office:value-type="string">'
                f"<text:p>{value}</text:p></table:table-cell>"
            )
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )

    body = "".join(
        "<table:table-row>" + "".join(cell(value) for value in row) + "</table:table-row>"
        for row in rows
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED
        )
        archive.writestr("content.xml", _ODS_CONTENT.format(rows=body), zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", _ODS_MANIFEST, zipfile.ZIP_DEFLATED)
    return path


@pytest.fixture
def legacy_xls(tmp_path: Path) -> Path:
    """A real Excel 97–2003 workbook (see ``LEGACY_XLS``)."""
    path = tmp_path / "applications.xls"
    path.write_bytes(unpack(LEGACY_XLS))
    return path


@pytest.fixture
def encrypted_xlsx(tmp_path: Path) -> Path:
    """A real password-protected .xlsx, as Excel's "Encrypt with Password" saves it."""
    path = tmp_path / "protected.xlsx"
    path.write_bytes(unpack(ENCRYPTED_XLSX))
    return path


@pytest.fixture
def plain_xlsx(tmp_path: Path) -> Path:
    """An ordinary small applications workbook, which every check must let through."""
    return write_xlsx(
        tmp_path / "applications.xlsx",
        [["Name", "Email"], ["Ana Silva", "ana@example.org"], ["Ben Okafor", "ben@example.org"]],
    )
