#!/usr/bin/env python3
"""Makes the project's own sample plans, reproducibly: HTML written here, converted to DOCX
by LibreOffice (HTML rowspan/colspan become w:vMerge/w:gridSpan). The samples carry the
content and table shapes of the seed texts: merged objective and task cells, a deadline
cell with two milestones, "Bộ phận chủ trì/phối hợp" cells, A/B/I/II group rows, a
two-row header and a table that continues after a page break.

A scanned page (PNG) of the commune plan's first page is drawn with Pillow, for the OCR path.

Usage: scripts/make-samples.py [--borderless] [OUT_DIR]   (default: samples/)

--borderless also renders every plan with its borders removed (NAME.noborders.pdf).
"""
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

STYLE = """<style>
body { font-family: 'Times New Roman'; font-size: 13pt; }
table.grid { border-collapse: collapse; }
table.grid td, table.grid th { border: 1px solid black; vertical-align: top; }
table.open { border-collapse: collapse; }
table.open td, table.open th { border: none; vertical-align: top; }
</style>"""


def letterhead(issuer_lines, number, place_date):
    issuer = "<br>".join(f"<b>{line}</b>" if i else line for i, line in enumerate(issuer_lines))
    return f"""<table width="100%"><tr>
<td align="center">{issuer}</td>
<td align="center"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b>Độc lập - Tự do - Hạnh phúc</b></td></tr>
<tr><td align="center">Số: {number}</td><td align="center"><i>{place_date}</i></td></tr></table>"""


def signature(recipients, title_lines, name):
    left = "<b><i>Nơi nhận:</i></b><br>" + "<br>".join(f"- {r};" for r in recipients)
    right = "<br>".join(f"<b>{t}</b>" for t in title_lines) + f"<br><br><br><br><b>{name}</b>"
    return f'<table width="100%"><tr><td>{left}</td><td align="center">{right}</td></tr></table>'


def row(cells):
    out = []
    for cell in cells:
        if isinstance(cell, tuple):
            text, attrs = cell
        else:
            text, attrs = cell, ""
        out.append(f"<td {attrs}>{text}</td>")
    return "<tr>" + "".join(out) + "</tr>"


def sample_commune_plan():
    """Seed 000's shape: Mục tiêu / Nhiệm vụ / Hoạt động with merged cells, a column-number
    row, group rows I. and II., a cell with two milestones."""
    header = row([("<b>TT</b>", ""), "<b>Mục tiêu</b>", "<b>Nhiệm vụ</b>", "<b>Hoạt động</b>",
                  "<b>Kết quả/Sản phẩm</b>", "<b>Chủ trì</b>", "<b>Phối hợp</b>",
                  "<b>Thời gian</b>", "<b>Kinh phí</b>"])
    numbers = row([f"({i})" for i in range(1, 10)])
    rows = [
        row([("<b>I.</b>", ""), ("<b>KIỂM SOÁT THỦ TỤC HÀNH CHÍNH</b>", 'colspan="8"')]),
        row([("1", 'rowspan="3"'),
             ("- 100% các TTHC được rà soát, niêm yết công khai theo quy định.", 'rowspan="3"'),
             ("Thường xuyên, kịp thời cập nhật, công khai các TTHC dưới nhiều hình thức khác nhau", 'rowspan="3"'),
             "Xây dựng và triển khai Kế hoạch Kiểm soát TTHC", "Kế hoạch",
             "Trung tâm Phục vụ hành chính công", "Các phòng chuyên môn", "Trước 30/01/2026",
             ("Nguồn ngân sách địa phương được phê duyệt theo dự toán hàng năm", 'rowspan="3"')]),
        row(["Rà soát, phát hiện các TTHC ban hành chưa đúng quy định",
             "Báo cáo kết quả kiểm soát TTHC; các văn bản kiến nghị", "Các phòng chuyên môn",
             "Trung tâm Phục vụ hành chính công", "Thường xuyên"]),
        row(["Cập nhật, công khai 100% TTHC thuộc thẩm quyền của cấp xã bằng các hình thức khác nhau",
             "TTHC được công khai", "Trung tâm Phục vụ hành chính công", "Các phòng chuyên môn",
             "Thường xuyên"]),
        row([("2", 'rowspan="2"'),
             ("Rà soát, đề xuất phương án cắt giảm, đơn giản hóa TTHC trên các lĩnh vực quản lý", 'rowspan="2"'),
             ("Rà soát, kiến nghị đơn giản hóa TTHC", 'rowspan="2"'),
             "Xây dựng và triển khai Kế hoạch rà soát, đơn giản hoá TTHC hàng năm", "Kế hoạch",
             "Trung tâm Phục vụ hành chính công", "Các phòng chuyên môn", "Theo Kế hoạch của tỉnh",
             ("", 'rowspan="2"')]),
        row(["Báo cáo phương án đề xuất, kiến nghị đơn giản hoá TTHC, tập trung vào tái cấu trúc quy trình, "
             "cắt giảm các thành phần hồ sơ trùng lắp, không cần thiết", "Báo cáo", "Các phòng chuyên môn",
             "Trung tâm Phục vụ hành chính công",
             "- Phòng chuyên môn gửi TTPVHCC tổng hợp: trước ngày 10/8/2026;<br>"
             "- Trung tâm PVHCC tham mưu báo cáo tỉnh trước ngày 15/8/2026"]),
        row([("<b>II.</b>", ""), ("<b>THỰC HIỆN CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG</b>", 'colspan="8"')]),
        row([("3", 'rowspan="2"'),
             ("Tỷ lệ giải quyết hồ sơ đúng hạn đạt tối thiểu 98%", 'rowspan="2"'),
             ("Nâng cao năng lực tiếp nhận, giải quyết hồ sơ TTHC của các đơn vị", 'rowspan="2"'),
             "Rà soát bố trí số lượng nhân sự phù hợp để triển khai tiếp nhận, giải quyết hồ sơ TTHC",
             "Quyết định kiện toàn nhân sự Trung tâm Phục vụ hành chính công",
             "Trung tâm Phục vụ hành chính công", "Các phòng chuyên môn", "Quý I năm 2026",
             ("", 'rowspan="2"')]),
        row(["Nâng cấp, hoàn thiện cơ sở hạ tầng CNTT đáp ứng việc vận hành hệ thống giải quyết TTHC",
             "Hệ thống cơ sở hạ tầng CNTT", "Phòng Văn hóa - Xã hội", "Các phòng chuyên môn", "Hàng quý"]),
    ]
    body = f"""{letterhead(["ỦY BAN NHÂN DÂN", "XÃ HÒA BÌNH"], "12/KH-UBND", "Hòa Bình, ngày 15 tháng 01 năm 2026")}
<p align="center"><b>KẾ HOẠCH</b></p>
<p align="center"><b>Kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông năm 2026</b></p>
<p>Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về kiểm soát thủ tục hành chính;</p>
<p>Căn cứ Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia;</p>
<p>Ủy ban nhân dân xã ban hành Kế hoạch kiểm soát thủ tục hành chính năm 2026 như sau:</p>
<p><b>I. MỤC ĐÍCH, YÊU CẦU</b></p>
<p>Tổ chức thực hiện hiệu quả các nhiệm vụ kiểm soát thủ tục hành chính trên địa bàn xã.</p>
<p><b>II. NHIỆM VỤ CỤ THỂ</b></p>
<p>(Chi tiết tại Phụ lục kèm theo)</p>
{signature(["UBND huyện", "Lưu: VT"], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Nguyễn Văn An")}
<p align="center"><b>PHỤ LỤC</b></p>
<table class="grid" border="1" cellspacing="0" cellpadding="4">{header}{numbers}{''.join(rows)}</table>"""
    return body


def sample_ward_decision():
    """Seed 003's shape: a Quyết định adopting a Kế hoạch (draft: number and day blank),
    one "Cơ quan, đơn vị thực hiện" cell naming both chủ trì and phối hợp, A/B/I/II groups,
    a merged content cell."""
    both = ("- Bộ phận chủ trì: Trung tâm Phục vụ hành chính công phường.<br>"
            "- Bộ phận phối hợp: Văn phòng HĐND và UBND, Phòng Kinh tế, Hạ tầng và Đô thị, Phòng Văn hóa - Xã hội.")
    header = row(["<b>Stt</b>", "<b>Nội dung công việc</b>", "<b>Kết quả công việc</b>",
                  "<b>Cơ quan, đơn vị thực hiện</b>", "<b>Thời gian thực hiện</b>"])
    rows = [
        row([("<b>A</b>", ""), ("<b>Ban hành văn bản quản lý nhà nước về kiểm soát thủ tục hành chính (TTHC)</b>", 'colspan="4"')]),
        row(["1", ("Xây dựng, ban hành các văn bản về kiểm soát TTHC năm 2025.", 'rowspan="2"'),
             "a) Quyết định của Chủ tịch Ủy ban nhân dân phường ban hành các kế hoạch: Kế hoạch rà soát, đánh giá TTHC; kế hoạch truyền thông về kiểm soát TTHC.",
             both, "Quý III"]),
        row(["2", "b) Rà soát, tham mưu UBND phường kiện toàn lại đội ngũ cán bộ, công chức làm đầu mối kiểm soát TTHC theo quy định.",
             "Trung tâm Phục vụ hành chính công phường tham mưu thực hiện khi cơ quan cấp trên yêu cầu.", "Quý III"]),
        row(["3", "Xây dựng và tham mưu các văn bản cụ thể để triển khai thực hiện các nhiệm vụ về hoạt động kiểm soát TTHC",
             "Văn bản thực hiện công tác kiểm soát TTHC của địa phương.", both,
             "Chậm nhất ngày 15 tháng 8 năm 2025"]),
        row([("<b>B</b>", ""), ("<b>Cải cách các quy định TTHC, quy định kinh doanh</b>", 'colspan="4"')]),
        row([("<b>I</b>", ""), ("<b>Rà soát, đơn giản hóa TTHC</b>", 'colspan="4"')]),
        row(["4", "Thực hiện rà soát, đánh giá TTHC trên các lĩnh vực theo kế hoạch của Chủ tịch Ủy ban nhân dân tỉnh",
             "- Báo cáo kết quả rà soát, đánh giá TTHC.<br>- Phương án đơn giản hóa, sáng kiến cải cách TTHC.",
             "Trung tâm Phục vụ hành chính công phường tham mưu thực hiện khi cơ quan cấp trên yêu cầu.", "Theo Kế hoạch"]),
        row([("<b>II</b>", ""), ("<b>Số hóa hồ sơ, kết quả giải quyết TTHC</b>", 'colspan="4"')]),
        row(["5", "Thực hiện số hóa hồ sơ, kết quả giải quyết TTHC theo quy định",
             "Hồ sơ được số hóa", both, "Thường xuyên"]),
    ]
    return f"""{letterhead(["ỦY BAN NHÂN DÂN", "PHƯỜNG CẨM THÀNH"], "&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;/QĐ-UBND", "Cẩm Thành, ngày &nbsp;&nbsp;&nbsp; tháng 8 năm 2025")}
<p align="center"><b>QUYẾT ĐỊNH</b></p>
<p align="center"><b>Ban hành Kế hoạch hoạt động kiểm soát thủ tục hành chính năm 2025 trên địa bàn phường Cẩm Thành</b></p>
<p align="center"><b>CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG CẨM THÀNH</b></p>
<p>Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;</p>
<p>Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về kiểm soát thủ tục hành chính; Nghị định số 92/2017/NĐ-CP ngày 07 tháng 8 năm 2017 của Chính phủ sửa đổi, bổ sung một số điều của các nghị định liên quan đến kiểm soát thủ tục hành chính;</p>
<p>Theo đề nghị của Giám đốc Trung tâm Phục vụ hành chính công phường.</p>
<p align="center"><b>QUYẾT ĐỊNH:</b></p>
<p><b>Điều 1.</b> Ban hành kèm theo Quyết định này Kế hoạch hoạt động kiểm soát thủ tục hành chính năm 2025 trên địa bàn phường Cẩm Thành.</p>
<p><b>Điều 2.</b> Quyết định này có hiệu lực kể từ ngày ký.</p>
{signature(["Như Điều 2", "Lưu: VT"], ["CHỦ TỊCH"], "Trần Thị Bình")}
<p align="center"><b>KẾ HOẠCH</b></p>
<p align="center"><b>Hoạt động kiểm soát thủ tục hành chính năm 2025 trên địa bàn phường Cẩm Thành</b></p>
<p align="center"><i>(Kèm theo Quyết định số &nbsp;&nbsp;&nbsp;&nbsp; /QĐ-UBND ngày &nbsp;&nbsp; tháng 8 năm 2025 của Chủ tịch Ủy ban nhân dân phường Cẩm Thành)</i></p>
<table class="grid" border="1" cellspacing="0" cellpadding="4">{header}{''.join(rows)}</table>"""


def sample_two_level_header():
    """A two-row header ("Đơn vị thực hiện" over "Chủ trì" and "Phối hợp") and a table
    that goes on after a page break with its header repeated."""
    header = (row([("<b>STT</b>", 'rowspan="2"'), ("<b>Nội dung nhiệm vụ</b>", 'rowspan="2"'),
                   ("<b>Đơn vị thực hiện</b>", 'colspan="2"'), ("<b>Thời hạn hoàn thành</b>", 'rowspan="2"'),
                   ("<b>Ghi chú</b>", 'rowspan="2"')])
              + row(["<b>Chủ trì</b>", "<b>Phối hợp</b>"]))
    first = [
        row(["1", "Rà soát, cập nhật danh mục thủ tục hành chính được số hóa", "Văn phòng HĐND và UBND",
             "Các cơ quan, đơn vị", "Tháng 3 năm 2025", ""]),
        row(["2", "Tổ chức tập huấn nghiệp vụ số hóa hồ sơ cho công chức Bộ phận Một cửa",
             "Phòng Văn hóa - Xã hội", "Trung tâm Phục vụ hành chính công", "Quý II năm 2025", "Hai đợt"]),
        row(["3", "Thanh toán trực tuyến phí, lệ phí đạt 100% hồ sơ đủ điều kiện", "Trung tâm Phục vụ hành chính công",
             "Văn phòng HĐND và UBND; Phòng Kinh tế, Hạ tầng và Đô thị", "Định kỳ 06 tháng/01 lần", ""]),
    ]
    second = [
        row(["4", "Báo cáo tình hình, kết quả thực hiện kế hoạch", "Văn phòng HĐND và UBND",
             "Các cơ quan, đơn vị", "Ngày 05 hàng tháng", ""]),
        row(["5", "Kiểm tra việc thực hiện số hóa tại các bộ phận", "Văn phòng HĐND và UBND", "",
             "Khi có yêu cầu", ""]),
    ]
    return f"""{letterhead(["UBND HUYỆN PHÚ TÂN", "ỦY BAN NHÂN DÂN THỊ TRẤN PHÚ MỸ"], "45/KH-UBND", "Phú Mỹ, ngày 04 tháng 03 năm 2025")}
<p align="center"><b>KẾ HOẠCH</b></p>
<p align="center"><b>Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính năm 2025</b></p>
<p>Thực hiện Quyết định số 354/QĐ-UBND ngày 20 tháng 02 năm 2025 của UBND huyện Phú Tân về việc ban hành Kế hoạch kiểm soát thủ tục hành chính năm 2025;</p>
<p><b>I. NHIỆM VỤ</b></p>
<table class="grid" border="1" cellspacing="0" cellpadding="4">{header}{''.join(first)}</table>
<p style="page-break-before: always"></p>
<table class="grid" border="1" cellspacing="0" cellpadding="4">{header}{''.join(second)}</table>
{signature(["UBND huyện Phú Tân", "Lưu: VT"], ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Lê Văn Cường")}"""


DISTRICT_ACTIVITIES = [
    ("Rà soát, cập nhật, công bố danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của cấp huyện",
     "Quyết định công bố danh mục", "Văn phòng HĐND và UBND huyện", "Các phòng chuyên môn", "Quý I năm 2026"),
    ("Niêm yết, công khai thủ tục hành chính tại Bộ phận Một cửa và trên Cổng thông tin điện tử của huyện",
     "Thủ tục được công khai", "Trung tâm Phục vụ hành chính công huyện", "Phòng Văn hóa và Thông tin", "Thường xuyên"),
    ("Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính và tình hình giải quyết thủ tục hành chính",
     "Phản ánh, kiến nghị được xử lý đúng hạn", "Văn phòng HĐND và UBND huyện", "Các cơ quan, đơn vị liên quan", "Khi có phát sinh"),
    ("Rà soát, đánh giá thủ tục hành chính trong các lĩnh vực đất đai, xây dựng, đầu tư, kinh doanh; đề xuất phương án đơn giản hóa, "
     "cắt giảm thành phần hồ sơ, rút ngắn thời gian giải quyết, tái cấu trúc quy trình theo hướng liên thông, trực tuyến toàn trình; "
     "tổng hợp kết quả rà soát, báo cáo Ủy ban nhân dân huyện xem xét, trình Chủ tịch Ủy ban nhân dân tỉnh quyết định thông qua "
     "phương án đơn giản hóa; theo dõi, đôn đốc việc thực thi phương án sau khi được thông qua và báo cáo kết quả thực hiện",
     "Báo cáo kết quả rà soát; phương án đơn giản hóa", "Phòng Tài chính - Kế hoạch", "Phòng Tài nguyên và Môi trường; Phòng Kinh tế và Hạ tầng", "Trước 30/6/2026"),
    ("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính tại thời điểm tiếp nhận và trả kết quả",
     "Tỷ lệ số hóa đạt 100%", "Trung tâm Phục vụ hành chính công huyện", "Các phòng chuyên môn", "Hàng tháng"),
    ("Kiểm tra việc thực hiện kiểm soát thủ tục hành chính, cơ chế một cửa, một cửa liên thông tại Ủy ban nhân dân các xã, thị trấn",
     "Báo cáo kết quả kiểm tra", "Văn phòng HĐND và UBND huyện", "Phòng Nội vụ", "Quý III năm 2026"),
    ("Tuyên truyền, phổ biến các quy định về kiểm soát thủ tục hành chính trên hệ thống truyền thanh cơ sở",
     "Tin, bài tuyên truyền", "Phòng Văn hóa và Thông tin", "Trung tâm Văn hóa - Thông tin và Thể thao", "Hàng quý"),
    ("Báo cáo tình hình, kết quả thực hiện kiểm soát thủ tục hành chính định kỳ",
     "Báo cáo quý, 06 tháng, năm", "Văn phòng HĐND và UBND huyện", "Các cơ quan, đơn vị", "Trước ngày 15 của tháng cuối quý"),
]

DISTRICT_TASKS = [
    "Kiểm soát quy định thủ tục hành chính",
    "Công khai, minh bạch thủ tục hành chính",
    "Đơn giản hóa thủ tục hành chính",
    "Chuyển đổi số trong giải quyết thủ tục hành chính",
]

DISTRICT_SECTIONS = ["KIỂM SOÁT THỦ TỤC HÀNH CHÍNH", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
                     "THỰC HIỆN CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG"]


def sample_district_plan():
    """A plan table that runs over three pages and more: merged task cells over two and
    three activities, a long cell that the page break cuts, three sections."""
    header = row(["<b>STT</b>", "<b>Nhiệm vụ</b>", "<b>Hoạt động</b>", "<b>Sản phẩm</b>",
                  "<b>Cơ quan chủ trì</b>", "<b>Cơ quan phối hợp</b>", "<b>Thời gian hoàn thành</b>"])
    numbers = row([f"({i})" for i in range(1, 8)])
    rows, number, activity = [], 0, 0
    for part, section in enumerate(DISTRICT_SECTIONS):
        rows.append(row([(f"<b>{'I' * (part + 1)}</b>", ""), (f"<b>{section}</b>", 'colspan="6"')]))
        for task in DISTRICT_TASKS:
            number += 1
            span = 2 + (number % 2)
            for i in range(span):
                text, output, lead, support, deadline = DISTRICT_ACTIVITIES[activity % len(DISTRICT_ACTIVITIES)]
                activity += 1
                cells = [] if i else [(str(number), f'rowspan="{span}"'), (f"{task} ({section.lower()})", f'rowspan="{span}"')]
                rows.append(row(cells + [text, output, lead, support, deadline]))
    return f"""{letterhead(["UBND TỈNH AN GIANG", "ỦY BAN NHÂN DÂN HUYỆN AN PHÚ"], "87/KH-UBND", "An Phú, ngày 20 tháng 01 năm 2026")}
<p align="center"><b>KẾ HOẠCH</b></p>
<p align="center"><b>Kiểm soát thủ tục hành chính, cải cách thủ tục hành chính năm 2026</b></p>
<p>Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về kiểm soát thủ tục hành chính;</p>
<p>Ủy ban nhân dân huyện ban hành Kế hoạch kiểm soát thủ tục hành chính năm 2026 như sau:</p>
<p><b>I. NHIỆM VỤ CỤ THỂ</b></p>
<table class="grid" border="1" cellspacing="0" cellpadding="4">{header}{numbers}{''.join(rows)}</table>
{signature(["UBND tỉnh An Giang", "Lưu: VT"], ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Phạm Minh Tuấn")}"""


def without_borders(sample):
    """The sample with every table border removed: a borderless ("stream") table for the PDF
    reader, its columns and rows found from the words' positions alone."""
    return lambda: sample().replace('class="grid" border="1"', 'class="open" border="0"')


PLANS = {
    "kh-xa-hoa-binh-2026": sample_commune_plan,
    "kh-huyen-an-phu-2026": sample_district_plan,
    "qd-phuong-cam-thanh-2025": sample_ward_decision,
    "kh-thi-tran-phu-my-2025": sample_two_level_header,
}
# The borderless renders of three plans are checked-in samples; `--borderless` makes every
# plan's, for measuring (BENCHMARKS.md): the town's two tables of different widths, set on
# one page without a break, are not yet read.
SAMPLES = {**PLANS, **{name + ".noborders": without_borders(PLANS[name])
                       for name in ["kh-xa-hoa-binh-2026", "kh-huyen-an-phu-2026", "qd-phuong-cam-thanh-2025"]}}
ALL_BORDERLESS = {**PLANS, **{name + ".noborders": without_borders(sample) for name, sample in PLANS.items()}}


def normalize_docx(path):
    """Rewrites the archive with fixed timestamps and without LibreOffice's volatile
    metadata, so the same HTML always gives the same bytes."""
    fixed = (2025, 1, 1, 0, 0, 0)
    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            if name == "docProps/core.xml":
                import re
                text = data.decode("utf-8")
                text = re.sub(r"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>", "", text)
                text = re.sub(r"<cp:revision>[^<]*</cp:revision>", "", text)
                data = text.encode("utf-8")
            info = zipfile.ZipInfo(name, fixed)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, data)


def make_pdf(soffice, docx, out_dir, env):
    """The DOCX's twin as LibreOffice prints it, without the dates and ids that change at
    every run."""
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", out_dir, docx],
                   check=True, env=env, stdout=subprocess.DEVNULL)
    pdf = docx[:-len(".docx")] + ".pdf"
    data = open(pdf, "rb").read()
    import re
    # Same length, so the cross-reference offsets stay right.
    zeroed = lambda m: m.group(1) + re.sub(rb"[0-9A-Fa-f]", b"0", m.group(2))
    data = re.sub(rb"(/(?:CreationDate|ModDate)\(D:)([0-9]+)", zeroed, data)
    data = re.sub(rb"(/ID *)(\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\])", zeroed, data)
    open(pdf, "wb").write(data)
    print(f"made {pdf}")


SCAN_LINES = [
    ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("XÃ HÒA BÌNH", "Độc lập - Tự do - Hạnh phúc"),
    ("Số: 52/KH-UBND", "Hòa Bình, ngày 12 tháng 02 năm 2026"),
    None,
    ("", "KẾ HOẠCH"),
    ("", "Kiểm soát thủ tục hành chính năm 2026"),
    None,
    ("Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về", ""),
    ("kiểm soát thủ tục hành chính;", ""),
    ("Ủy ban nhân dân xã ban hành Kế hoạch kiểm soát thủ tục hành chính năm 2026", ""),
    ("như sau:", ""),
    ("I. MỤC ĐÍCH, YÊU CẦU", ""),
    ("1. Công khai đầy đủ, kịp thời các thủ tục hành chính tại Trung tâm Phục vụ", ""),
    ("hành chính công xã; tiếp nhận và xử lý phản ánh, kiến nghị của người dân.", ""),
]


def make_scan(path):
    """A letterhead page as a scanner would give it: 300 dpi, black text on white, rendered
    with DejaVu Serif by Pillow (the same bytes every time for the same Pillow)."""
    from PIL import Image, ImageDraw, ImageFont
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", 42)
    bold = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf", 42)
    page = Image.new("L", (2480, 1500), 255)
    draw = ImageDraw.Draw(page)
    y = 150
    for line in SCAN_LINES:
        if line is None:
            y += 40
            continue
        left, right = line
        if left:
            draw.text((180, y), left, font=bold if left.isupper() else font, fill=0)
        if right:
            width = draw.textlength(right, font=bold)
            x = (2480 - width) / 2 if not left else 1250
            draw.text((x, y), right, font=bold, fill=0)
        y += 66
    page.save(path, dpi=(300, 300), optimize=False)
    print(f"made {path}")


def main():
    arguments = [argument for argument in sys.argv[1:] if argument != "--borderless"]
    samples = ALL_BORDERLESS if "--borderless" in sys.argv[1:] else SAMPLES
    out_dir = arguments[0] if arguments else os.path.join(os.path.dirname(__file__), "..", "samples")
    os.makedirs(out_dir, exist_ok=True)
    make_scan(os.path.join(out_dir, "kh-xa-hoa-binh-2026.scan.png"))
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("make-samples: LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as work:
        env = dict(os.environ, HOME=work)
        for name, build in samples.items():
            html = os.path.join(work, name + ".html")
            with open(html, "w", encoding="utf-8") as f:
                f.write(f'<html><head><meta charset="utf-8">{STYLE}</head><body>{build()}</body></html>')
            subprocess.run([soffice, "--headless", "--infilter=HTML (StarWriter)", "--convert-to",
                            "docx:MS Word 2007 XML", "--outdir", work, html],
                           check=True, env=env, stdout=subprocess.DEVNULL)
            target = os.path.join(out_dir, name + ".docx")
            shutil.move(os.path.join(work, name + ".docx"), target)
            normalize_docx(target)
            make_pdf(soffice, target, out_dir, env)
            if name.endswith(".noborders"):
                # Only its PDF is a sample: as DOCX it would be the commune plan again.
                os.remove(target)
            else:
                print(f"made {target}")


if __name__ == "__main__":
    main()
