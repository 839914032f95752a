#!/usr/bin/env python3
"""Write the hand-built .docx cases of tests/corpus/docx/ (standard library only).

LibreOffice never writes these shapes, so they are built here from the OOXML spec
(ECMA-376 Part 1, §17.3 paragraphs, §17.7 styles, §17.9 numbering, §17.11 footnotes,
§17.13.4 comments), shaped as Microsoft Word (Chinese locale) and WPS Office write them:
localized style ids, numbering reached through a style, numId 0, restarts by
w:startOverride, numStyleLink/styleLink, uncommon number formats, broken numbering,
comments and footnotes.

Usage: python3 scripts/make_docx_corpus.py [OUT_DIR]   (default tests/corpus/docx)
       python3 scripts/make_docx_corpus.py --normalize FILE.docx...
The second form rewrites a LibreOffice-written .docx with fixed zip timestamps (same
entries, same order, same bytes inside), so that remaking the corpus leaves git clean.

Deterministic: the same bytes on every run (fixed zip timestamps, fixed order), so a
rerun leaves git clean. The expected results (NAME.expected) are written by hand and
committed beside the files; this script only writes the .docx.
"""
import os
import sys
import zipfile
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml."

# Namespaces as Word 2016+ declares them on document.xml (only w, r are used).
WORD_NS = (
    f'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    f'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    f'xmlns:o="urn:schemas-microsoft-com:office:office" '
    f'xmlns:r="{R}" '
    f'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    f'xmlns:v="urn:schemas-microsoft-com:vml" '
    f'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    f'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    f'xmlns:w="{W}" '
    f'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    f'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
    f'mc:Ignorable="w14 w15"'
)
# WPS Office adds its own namespace and no w14/w15 ids.
WPS_NS = (
    f'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    f'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    f'xmlns:o="urn:schemas-microsoft-com:office:office" '
    f'xmlns:r="{R}" '
    f'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    f'xmlns:v="urn:schemas-microsoft-com:vml" '
    f'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    f'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    f'xmlns:w="{W}" '
    f'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    f'xmlns:wpsCustomData="http://www.wps.cn/officeDocument/2013/wpsCustomData" '
    f'mc:Ignorable="w14 wp14"'
)
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'

PRE = "为深入贯彻落实习近平法治思想，按照《法治政府建设与责任落实督察工作规定》要求，现将{}2024年度法治政府建设情况报告如下。"


# --------------------------------------------------------------------------- paragraphs

def run(text, rpr=""):
    """One w:r with one w:t (xml:space=preserve when the text has edge spaces)."""
    sp = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<w:r>{rpr}<w:t{sp}>{escape(text)}</w:t></w:r>"


def para(content, style=None, num=None, jc=None, ppr_extra=""):
    """content: str or list of str / raw xml (tuples ('xml', s)).
    num: (ilvl, numId) for a direct w:numPr; ('id-only', numId) for w:numId alone."""
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num is not None:
        ilvl, num_id = num
        ppr += "<w:numPr>"
        if ilvl is not None:
            ppr += f'<w:ilvl w:val="{ilvl}"/>'
        ppr += f'<w:numId w:val="{num_id}"/></w:numPr>'
    ppr += ppr_extra
    if jc:
        ppr += f'<w:jc w:val="{jc}"/>'
    body = ""
    for c in [content] if isinstance(content, str) else content:
        body += c[1] if isinstance(c, tuple) else run(c)
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{body}</w:p>"


def document(paras, ns=WORD_NS, sect=None):
    sect = sect or (
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" '
        'w:header="851" w:footer="1474" w:gutter="0"/>'
        '<w:cols w:space="425"/><w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-849"/></w:sectPr>'
    )
    return f'{DECL}<w:document {ns}><w:body>{"".join(paras)}{sect}</w:body></w:document>'


# --------------------------------------------------------------------------- styles

DOC_DEFAULTS = (
    '<w:docDefaults><w:rPrDefault><w:rPr>'
    '<w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/>'
    '<w:kern w:val="2"/><w:sz w:val="21"/><w:szCs w:val="22"/>'
    '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault/></w:docDefaults>'
)


def pstyle(sid, name, based=None, nxt=None, ppr="", rpr="", default=False, ui=None, extra=""):
    d = ' w:default="1"' if default else ""
    s = f'<w:style w:type="paragraph"{d} w:styleId="{sid}"><w:name w:val="{name}"/>'
    if based:
        s += f'<w:basedOn w:val="{based}"/>'
    if nxt:
        s += f'<w:next w:val="{nxt}"/>'
    s += extra
    if ui is not None:
        s += f'<w:uiPriority w:val="{ui}"/>'
    s += "<w:qFormat/>"
    if ppr:
        s += f"<w:pPr>{ppr}</w:pPr>"
    if rpr:
        s += f"<w:rPr>{rpr}</w:rPr>"
    return s + "</w:style>"


def base_styles(ids):
    """The four default styles every Word/WPS styles.xml has.
    ids: dict normal/dpf/table/nolist -> style id."""
    return (
        f'<w:style w:type="character" w:default="1" w:styleId="{ids["dpf"]}"><w:name w:val="Default Paragraph Font"/>'
        '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
        f'<w:style w:type="table" w:default="1" w:styleId="{ids["table"]}"><w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
        '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
        f'<w:style w:type="numbering" w:default="1" w:styleId="{ids["nolist"]}"><w:name w:val="No List"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
    )


def styles_xml(body, ns=WORD_NS):
    return f"{DECL}<w:styles {ns}>{DOC_DEFAULTS}{body}</w:styles>"


NORMAL_PPR = '<w:widowControl w:val="0"/><w:spacing w:line="579" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/>'
NORMAL_RPR = '<w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman"/><w:sz w:val="32"/>'
H1_RPR = '<w:rFonts w:ascii="Times New Roman" w:eastAsia="黑体" w:hAnsi="Times New Roman"/><w:kern w:val="44"/><w:sz w:val="32"/>'
H2_RPR = '<w:rFonts w:ascii="Times New Roman" w:eastAsia="楷体_GB2312" w:hAnsi="Times New Roman"/><w:sz w:val="32"/>'
TITLE_RPR = '<w:rFonts w:ascii="Times New Roman" w:eastAsia="方正小标宋简体" w:hAnsi="Times New Roman"/><w:sz w:val="44"/>'


# --------------------------------------------------------------------------- numbering

def lvl(ilvl, fmt, text, start=1, pstyle=None, suff=None, restart=None, ind=None):
    s = f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
    if restart is not None:
        s += f'<w:lvlRestart w:val="{restart}"/>'
    if pstyle:
        s += f'<w:pStyle w:val="{pstyle}"/>'
    if suff:
        s += f'<w:suff w:val="{suff}"/>'
    s += f'<w:lvlText w:val="{escape(text)}"/><w:lvlJc w:val="left"/>'
    left, first = ind if ind else (0, 640)
    s += f'<w:pPr><w:ind w:left="{left}" w:firstLine="{first}"/></w:pPr></w:lvl>'
    return s


def filler_levels(start_ilvl):
    """Word always writes nine levels; the unused ones are plain decimal."""
    return "".join(
        lvl(i, "decimal", f"%{i + 1}.", ind=(420 * (i + 1), 0))
        for i in range(start_ilvl, 9)
    )


def abstract(aid, nsid, levels, multi="multilevel", extra=""):
    return (
        f'<w:abstractNum w:abstractNumId="{aid}"><w:nsid w:val="{nsid}"/>'
        f'<w:multiLevelType w:val="{multi}"/><w:tmpl w:val="{nsid[::-1]}"/>{extra}{levels}</w:abstractNum>'
    )


def num(nid, aid, overrides=""):
    return f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{overrides}</w:num>'


def start_override(ilvl, start):
    return f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'


def numbering_xml(abstracts, nums, ns=WORD_NS):
    return f"{DECL}<w:numbering {ns}>{''.join(abstracts)}{''.join(nums)}</w:numbering>"


# --------------------------------------------------------------------------- package

def content_types(parts):
    over = {
        "styles": MAIN + "styles+xml",
        "numbering": MAIN + "numbering+xml",
        "comments": MAIN + "comments+xml",
        "footnotes": MAIN + "footnotes+xml",
        "settings": MAIN + "settings+xml",
    }
    s = (
        f'{DECL}<Types xmlns="{CT}">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{MAIN}document.main+xml"/>'
    )
    for p in parts:
        s += f'<Override PartName="/word/{p}.xml" ContentType="{over[p]}"/>'
    s += (
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    )
    return s + "</Types>"


def package_rels():
    return (
        f'{DECL}<Relationships xmlns="{PKG_R}">'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        f'<Relationship Id="rId1" Type="{REL_DOC}" Target="word/document.xml"/>'
        "</Relationships>"
    )


def document_rels(parts):
    s = f'{DECL}<Relationships xmlns="{PKG_R}">'
    for i, p in enumerate(parts, 1):
        s += f'<Relationship Id="rId{i}" Type="{REL}{p}" Target="{p}.xml"/>'
    return s + "</Relationships>"


def core_xml(title, author):
    return (
        f'{DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title><dc:creator>{escape(author)}</dc:creator>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2025-01-20T08:00:00Z</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2025-01-20T08:00:00Z</dcterms:modified>'
        "</cp:coreProperties>"
    )


def app_xml(application, version):
    return (
        f'{DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Template>Normal.dotm</Template><Application>{application}</Application>"
        f"<AppVersion>{version}</AppVersion></Properties>"
    )


SETTINGS = (
    f'{DECL}<w:settings xmlns:w="{W}"><w:defaultTabStop w:val="420"/>'
    '<w:drawingGridVerticalSpacing w:val="156"/><w:characterSpacingControl w:val="compressPunctuation"/>'
    '<w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/>'
    '<w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/>'
    '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
    '</w:compat><w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>'
)


def write_docx(path, doc, styles, numbering=None, comments=None, footnotes=None,
               app=("Microsoft Office Word", "16.0000"), title="", author="某县司法局",
               rel_numbering=None):
    """Write a .docx. numbering: the numbering.xml text, or None for no part at all.
    rel_numbering: override whether numbering is declared (rels + content type)."""
    parts = ["styles", "settings"]
    declared_numbering = numbering is not None if rel_numbering is None else rel_numbering
    if declared_numbering:
        parts.append("numbering")
    if comments is not None:
        parts.append("comments")
    if footnotes is not None:
        parts.append("footnotes")
    files = [
        ("[Content_Types].xml", content_types(parts)),
        ("_rels/.rels", package_rels()),
        ("docProps/app.xml", app_xml(*app)),
        ("docProps/core.xml", core_xml(title, author)),
        ("word/document.xml", doc),
        ("word/_rels/document.xml.rels", document_rels(parts)),
        ("word/styles.xml", styles),
        ("word/settings.xml", SETTINGS),
    ]
    if numbering is not None:
        files.append(("word/numbering.xml", numbering))
    if comments is not None:
        files.append(("word/comments.xml", comments))
    if footnotes is not None:
        files.append(("word/footnotes.xml", footnotes))
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))
    os.replace(tmp, path)


# =========================================================================== the cases

WORD_CN_IDS = dict(normal="a", dpf="a0", table="a1", nolist="a2")


def case_word_cn_style_numbering(out):
    """(a) Chinese-locale Word: style ids a / 1 / 2, numbering only through the styles."""
    styles = styles_xml(
        pstyle("a", "Normal", default=True, ppr=NORMAL_PPR, rpr=NORMAL_RPR)
        + pstyle("1", "heading 1", based="a", nxt="a", ui=9, extra='<w:link w:val="10"/>',
                 ppr='<w:keepNext/><w:keepLines/><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/>',
                 rpr=H1_RPR)
        + pstyle("2", "heading 2", based="a", nxt="a", ui=9, extra='<w:link w:val="20"/><w:unhideWhenUsed/>',
                 ppr='<w:keepNext/><w:keepLines/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/>',
                 rpr=H2_RPR)
        + base_styles(WORD_CN_IDS)
        + pstyle("a3", "Title", based="a", nxt="a", ui=10, extra='<w:link w:val="a4"/>',
                 ppr='<w:spacing w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/>',
                 rpr=TITLE_RPR)
        + '<w:style w:type="character" w:customStyle="1" w:styleId="10"><w:name w:val="标题 1 字符"/>'
        '<w:basedOn w:val="a0"/><w:link w:val="1"/><w:uiPriority w:val="9"/><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>'
        + '<w:style w:type="character" w:customStyle="1" w:styleId="20"><w:name w:val="标题 2 字符"/>'
        '<w:basedOn w:val="a0"/><w:link w:val="2"/><w:uiPriority w:val="9"/><w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/></w:rPr></w:style>'
        + '<w:style w:type="character" w:customStyle="1" w:styleId="a4"><w:name w:val="标题 字符"/>'
        '<w:basedOn w:val="a0"/><w:link w:val="a3"/><w:uiPriority w:val="10"/></w:style>'
    )
    numbering = numbering_xml(
        [abstract(0, "5A2C1E3B",
                  lvl(0, "chineseCountingThousand", "%1、", pstyle="1")
                  + lvl(1, "chineseCountingThousand", "（%2）", pstyle="2", suff="nothing")
                  + lvl(2, "decimal", "%3.", suff="nothing")
                  + filler_levels(3))],
        [num(1, 0)],
    )
    P = []
    P.append(para("青石市临溪区司法局2024年度法治政府建设情况报告", style="a3"))
    P.append(para(PRE.format("我局")))
    parts = [
        ("2024年度推进法治政府建设的主要举措和成效", [
            ("完善依法行政制度体系", "全年审查区政府规范性文件9件、行政合同41份。",
             ["推行规范性文件“双审查”制度。", "清理涉及不平等对待企业的文件，废止2件。"]),
            ("深化行政复议体制改革", "全区行政复议案件集中由区政府管辖，受理案件73件。", []),
            ("加强法治宣传教育", "开展“宪法宣传周”等主题活动62场。", ["打造法治文化阵地5处。"]),
        ]),
        ("2024年度推进法治政府建设存在的不足和原因", [
            ("行政执法监督力度不够", "执法监督以案卷评查为主，日常监督手段单一。", []),
            ("基层法治力量薄弱", "司法所平均在编人员不足3人。", []),
        ]),
        ("2024年度党政主要负责人履行推进法治建设第一责任人职责情况", [
            ("带头尊法学法", "局主要负责人主持局党组理论学习中心组学法4次。", []),
            ("压实法治建设责任", "将法治建设任务分解到科室和司法所，纳入年度考核。", []),
        ]),
        ("2025年度推进法治政府建设的主要安排", [
            ("提升行政复议质效", "推动行政复议调解和解工作常态化。", []),
            ("加强行政执法协调监督", "建成区级行政执法协调监督工作体系。", []),
        ]),
        ("其他需要报告的情况", []),
    ]
    for head, items in parts:
        P.append(para(head, style="1"))
        for h2, body, subs in items:
            P.append(para(h2, style="2"))
            P.append(para(body))
            for s in subs:
                P.append(para(s, num=(2, 1)))
    P.append(para("无。"))
    write_docx(f"{out}/12_word_cn_style_numbering.docx", document(P), styles, numbering,
               title="青石市临溪区司法局2024年度法治政府建设情况报告", author="临溪区司法局")


def case_wps_style_ids(out):
    """(b) WPS: styles numbered in order of definition, chineseCounting, numId 0."""
    ids = dict(normal="1", dpf="5", table="6", nolist="7")
    styles = styles_xml(
        pstyle("1", "Normal", default=True, ui=0, ppr=NORMAL_PPR, rpr=NORMAL_RPR)
        + pstyle("2", "heading 1", based="1", nxt="1", ui=0,
                 ppr='<w:keepNext/><w:keepLines/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/>',
                 rpr=H1_RPR)
        + pstyle("3", "heading 2", based="1", nxt="1", ui=0, extra="<w:semiHidden/><w:unhideWhenUsed/>",
                 ppr='<w:keepNext/><w:keepLines/><w:outlineLvl w:val="1"/>', rpr=H2_RPR)
        + pstyle("4", "Title", based="1", nxt="1", ui=0,
                 ppr='<w:jc w:val="center"/><w:outlineLvl w:val="0"/>', rpr=TITLE_RPR)
        + base_styles(ids),
        ns=WPS_NS,
    )
    numbering = numbering_xml(
        [abstract(0, "0F3B2A61",
                  lvl(0, "chineseCounting", "%1、", pstyle="2")
                  + lvl(1, "chineseCounting", "（%2）", suff="nothing")
                  + filler_levels(2))],
        [num(1, 0)],
        ns=WPS_NS,
    )
    P = []
    # The title is styled heading 1 (big and bold) but its numbering is switched off.
    P.append(para("某镇人民政府2024年度法治政府建设情况报告", style="2", num=(None, 0), jc="center"))
    P.append(para(PRE.format("某镇人民政府")))
    parts = [
        ("主要举措和成效", ["深化基层依法治理。修订完善村规民约，实现村（社区）全覆盖。",
                      "推进综合行政执法。镇综合执法队办理案件96件，无一被复议纠错。",
                      "化解矛盾纠纷。全年调处矛盾纠纷187件，调处成功率98.4%。"]),
        ("存在的不足和原因", ["执法人员专业化程度不高。", "法治宣传的针对性和实效性有待提升。"]),
        ("党政主要负责人履行推进法治建设第一责任人职责情况",
         ["镇党委书记、镇长带头学法，主持专题学法4次。", "将法治建设纳入全镇重点工作统一部署。"]),
        ("下一年度推进法治政府建设的主要安排", ["加强综合执法队伍建设。", "推进“法律明白人”培养。"]),
        ("其他需要报告的情况", []),
    ]
    for head, items in parts:
        P.append(para(head, style="2"))
        for t in items:
            P.append(para(t, style="1", num=(1, 1)))
    P.append(para("无。"))
    P.append(para("某镇人民政府", jc="right"))
    P.append(para("2025年1月15日", jc="right"))
    write_docx(f"{out}/13_wps_style_ids.docx", document(P, ns=WPS_NS), styles, numbering,
               app=("WPS Office_12.1.0.18276_F1E327BC-269C-435d-A152-05C5408002CA", "12.1"),
               title="某镇人民政府2024年度法治政府建设情况报告", author="WPS_1700000000")


def word_en_styles(extra=""):
    """English-locale Word style ids (Normal, Heading1, ...)."""
    return styles_xml(
        pstyle("Normal", "Normal", default=True, ppr=NORMAL_PPR, rpr=NORMAL_RPR)
        + pstyle("Heading1", "heading 1", based="Normal", nxt="Normal", ui=9,
                 ppr='<w:keepNext/><w:keepLines/><w:outlineLvl w:val="0"/>', rpr=H1_RPR)
        + base_styles(dict(normal="Normal", dpf="DefaultParagraphFont", table="TableNormal", nolist="NoList"))
        + pstyle("Title", "Title", based="Normal", nxt="Normal", ui=10,
                 ppr='<w:ind w:firstLine="0"/><w:jc w:val="center"/>', rpr=TITLE_RPR)
        + pstyle("ListParagraph", "List Paragraph", based="Normal", ui=34, ppr='<w:ind w:firstLineChars="200" w:firstLine="420"/>')
        + extra
    )


def case_restart_overrides(out):
    """(c) Items restart in each part: several w:num on one abstractNum with startOverride."""
    styles = word_en_styles()
    heads = abstract(0, "1D7E55A0",
                     lvl(0, "chineseCountingThousand", "%1、", suff="nothing") + filler_levels(1))
    # The items' list; level 1 (sub-items （1）) never restarts (w:lvlRestart 0): the sub-items
    # of the whole list count on, as some writers set it.
    items = abstract(1, "6C3F09B2",
                     lvl(0, "decimal", "%1.", suff="nothing")
                     + lvl(1, "decimal", "（%2）", suff="nothing", restart=0)
                     + filler_levels(2))
    nums = [num(1, 0), num(2, 1)] + [num(n, 1, start_override(0, 1)) for n in (3, 4, 5)]
    numbering = numbering_xml([heads, items], nums)
    P = [para("某县卫生健康局2024年度法治政府建设情况报告", style="Title"), para(PRE.format("我局"))]
    parts = [
        ("主要举措和成效", 2, [("健全依法决策机制，重大事项集体讨论决定率100%。", ["出台重大行政决策程序规定。", "聘请常年法律顾问2名。"]),
                          ("规范卫生健康行政执法，办理行政处罚案件118件。", ["推行说理式执法文书。"]),
                          ("开展医疗机构依法执业自查，整改问题63个。", [])]),
        ("存在的不足和原因", 3, [("执法人员数量不足，监督覆盖面不够。", []), ("部分医疗机构依法执业意识淡薄。", [])]),
        ("党政主要负责人履行推进法治建设第一责任人职责情况", 4,
         [("主要负责人主持召开专题会议研究法治工作3次。", []), ("带头参加行政诉讼出庭应诉1次。", [])]),
        ("2025年度推进法治政府建设的主要安排", 5,
         [("深化卫生健康领域“放管服”改革。", []), ("加强医疗卫生行业综合监管。", []), ("提升执法人员法治素养。", [])]),
        ("其他需要报告的情况", None, []),
    ]
    for head, nid, its in parts:
        P.append(para(head, style="Heading1", num=(0, 1)))
        for t, subs in its:
            P.append(para(t, style="ListParagraph", num=(0, nid)))
            for s in subs:
                P.append(para(s, style="ListParagraph", num=(1, nid)))
    P.append(para("无。"))
    write_docx(f"{out}/14_word_restart_overrides.docx", document(P), styles, numbering,
               title="某县卫生健康局2024年度法治政府建设情况报告", author="某县卫生健康局")


def case_numstylelink(out):
    """(d) The list is defined by a numbering style: numStyleLink -> style -> numId -> styleLink."""
    styles = styles_xml(
        pstyle("a", "Normal", default=True, ppr=NORMAL_PPR, rpr=NORMAL_RPR)
        + base_styles(WORD_CN_IDS)
        + pstyle("a3", "Title", based="a", nxt="a", ui=10, ppr='<w:ind w:firstLine="0"/><w:jc w:val="center"/>', rpr=TITLE_RPR)
        + '<w:style w:type="numbering" w:customStyle="1" w:styleId="a5"><w:name w:val="报告多级编号"/>'
        '<w:uiPriority w:val="99"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    )
    defining = abstract(0, "2B6A4C11",
                        lvl(0, "chineseCountingThousand", "%1、", suff="nothing")
                        + lvl(1, "chineseCountingThousand", "（%2）", suff="nothing")
                        + lvl(2, "decimal", "%3.", suff="nothing")
                        + filler_levels(3),
                        extra='<w:styleLink w:val="a5"/>')
    # Word writes the using abstractNum with no levels of its own, only the link.
    using = ('<w:abstractNum w:abstractNumId="1"><w:nsid w:val="7E1F2D90"/><w:multiLevelType w:val="multilevel"/>'
             '<w:tmpl w:val="09D2F1E7"/><w:numStyleLink w:val="a5"/></w:abstractNum>')
    numbering = numbering_xml([defining, using], [num(1, 0), num(2, 1)])
    P = [para("某市自然资源和规划局2024年度法治政府建设情况报告", style="a3"), para(PRE.format("我局"))]
    parts = [
        ("主要举措和成效", ["严格自然资源执法监管，立案查处违法用地案件42件。", "规范行政审批，压减审批时限40%。",
                      "推进不动产登记“一窗受理”。"]),
        ("存在的不足和原因", ["卫片执法发现问题整改不够及时。", "基层自然资源所执法力量不足。"]),
        ("党政主要负责人履行推进法治建设第一责任人职责情况", ["主要负责人主持局党组会研究法治建设工作4次。"]),
        ("下一年度推进法治政府建设的主要安排", ["加强耕地保护执法。", "完善国土空间规划实施监督机制。"]),
        ("其他需要报告的情况", []),
    ]
    for head, its in parts:
        P.append(para(head, num=(0, 2)))
        for t in its:
            P.append(para(t, num=(1, 2)))
    P.append(para("无。"))
    write_docx(f"{out}/15_word_numstylelink.docx", document(P), styles, numbering,
               title="某市自然资源和规划局2024年度法治政府建设情况报告", author="某市自然资源和规划局")


def case_item_formats(out):
    """(e) Items in decimalFullWidth, decimalEnclosedCircleChinese, ideographTraditional, upperLetter."""
    styles = word_en_styles()
    abstracts = [abstract(0, "30A1B2C3", lvl(0, "chineseCountingThousand", "%1、", suff="nothing") + filler_levels(1))]
    fmts = [("decimalFullWidth", "%1．"), ("decimalEnclosedCircleChinese", "%1"),
            ("ideographTraditional", "%1、"), ("upperLetter", "%1.")]
    for i, (fmt, text) in enumerate(fmts, 1):
        abstracts.append(abstract(i, f"4{i}B0C0D{i}", lvl(0, fmt, text, suff="nothing") + filler_levels(1),
                                  multi="hybridMultilevel"))
    numbering = numbering_xml(abstracts, [num(1, 0)] + [num(i + 1, i) for i in range(1, 5)])
    P = [para("某区应急管理局2024年度法治政府建设情况报告", style="Title"), para(PRE.format("我局"))]
    parts = [
        ("主要举措和成效", 2, ["健全安全生产执法制度，制定执法检查计划。", "开展危险化学品专项执法，检查企业312家次。",
                          "推行“执法+专家”检查模式，查改隐患1406项。"]),
        ("存在的不足和原因", 3, ["执法装备配备不足。", "企业主体责任落实不到位。"]),
        ("党政主要负责人履行推进法治建设第一责任人职责情况", 4, ["主要负责人主持研究法治建设工作3次。", "带头讲授安全生产法专题课。"]),
        ("2025年度推进法治政府建设的主要安排", 5, ["提升执法规范化水平。", "加强应急管理普法宣传。", "完善执法考核评价机制。"]),
        ("其他需要报告的情况", None, []),
    ]
    for head, nid, its in parts:
        P.append(para(head, style="Heading1", num=(0, 1)))
        for t in its:
            P.append(para(t, num=(0, nid)))
    P.append(para("无。"))
    write_docx(f"{out}/16_word_item_formats.docx", document(P), styles, numbering,
               title="某区应急管理局2024年度法治政府建设情况报告", author="某区应急管理局")


BAD_PARTS = [
    ("主要举措和成效", ["（一）加强行政执法。开展执法检查124次。", "（二）推进政务公开。主动公开信息860条。"]),
    ("存在的不足和原因", ["（一）执法队伍力量薄弱。", "（二）制度建设存在短板。"]),
    ("党政主要负责人履行推进法治建设第一责任人职责情况", ["（一）主要负责人主持专题学法3次。"]),
    ("下一年度推进法治政府建设的主要安排", ["（一）加强执法培训。", "（二）完善执法制度。"]),
    ("其他需要报告的情况", []),
]


def bad_body(head_num, item_num, org):
    """Headings styled Heading1 whose number comes from head_num (broken); items typed （一）."""
    P = [para(f"{org}2024年度法治政府建设情况报告", style="Title"), para(PRE.format("我局"))]
    for head, its in BAD_PARTS:
        P.append(para(head, style="Heading1", num=head_num))
        for t in its:
            P.append(para(t, num=item_num))
    P.append(para("无。"))
    return document(P)


def case_bad_numbering(out):
    """(f) Broken numbering: the reader imports the plain text, with a notice; no panic, no lost paragraph."""
    styles = word_en_styles()
    # f1: paragraphs carry w:numPr, but there is no word/numbering.xml (nor a relationship to it).
    write_docx(f"{out}/17_bad_numbering_missing.docx", bad_body((0, 1), None, "某县住房和城乡建设局"), styles, None,
               title="某县住房和城乡建设局2024年度法治政府建设情况报告", author="某县住房和城乡建设局")
    # f2: word/numbering.xml is declared and present but is not well-formed XML (cut off mid-tag).
    good = numbering_xml([abstract(0, "11223344", lvl(0, "chineseCountingThousand", "%1、") + filler_levels(1))],
                         [num(1, 0)])
    broken = good[: good.index('<w:lvl w:ilvl="2"')] + '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="dec'
    write_docx(f"{out}/18_bad_numbering_malformed.docx", bad_body((0, 1), None, "某县水利局"), styles, broken,
               title="某县水利局2024年度法治政府建设情况报告", author="某县水利局")
    # f3: numbering.xml is fine, but the headings point to numId 7 (no such w:num) and the typed
    # items carry numId 1 with ilvl 5, a level its abstractNum (one level only) does not define.
    one_level = ('<w:abstractNum w:abstractNumId="0"><w:nsid w:val="55667788"/><w:multiLevelType w:val="singleLevel"/>'
                 '<w:tmpl w:val="88776655"/>' + lvl(0, "chineseCountingThousand", "%1、") + "</w:abstractNum>")
    write_docx(f"{out}/19_bad_numbering_undefined.docx", bad_body((0, 7), (5, 1), "某县农业农村局"), styles,
               numbering_xml([one_level], [num(1, 0)]),
               title="某县农业农村局2024年度法治政府建设情况报告", author="某县农业农村局")


def case_comments_footnotes(out):
    """(g) Comments and footnotes: their text is not part of the body."""
    styles = word_en_styles(
        pstyle("FootnoteText", "footnote text", based="Normal", ui=99, ppr='<w:snapToGrid w:val="0"/><w:ind w:firstLine="0"/><w:jc w:val="left"/>',
               rpr='<w:sz w:val="18"/>')
        + '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>'
        '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
        + pstyle("CommentText", "annotation text", based="Normal", ui=99, ppr='<w:jc w:val="left"/>')
        + '<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/>'
        '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:rPr><w:sz w:val="21"/></w:rPr></w:style>'
    )
    numbering = numbering_xml(
        [abstract(0, "2468ACE0",
                  lvl(0, "chineseCountingThousand", "%1、", suff="nothing")
                  + lvl(1, "chineseCountingThousand", "（%2）", suff="nothing")
                  + filler_levels(2))],
        [num(1, 0)],
    )
    comments = (
        f'{DECL}<w:comments {WORD_NS}>'
        '<w:comment w:id="0" w:author="张科长" w:date="2025-01-18T09:30:00Z" w:initials="张">'
        '<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
        '<w:annotationRef/></w:r><w:r><w:t>批注：请核实复议案件数，与统计报表不一致。</w:t></w:r></w:p></w:comment>'
        '<w:comment w:id="1" w:author="李主任" w:date="2025-01-19T15:00:00Z" w:initials="李">'
        '<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
        '<w:annotationRef/></w:r><w:r><w:t>批注：此段建议删去。</w:t></w:r></w:p></w:comment>'
        "</w:comments>"
    )
    footnotes = (
        f'{DECL}<w:footnotes {WORD_NS}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
        '<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 脚注：数据来源于青石市行政复议案件管理系统。</w:t></w:r></w:p></w:footnote>'
        '<w:footnote w:id="2"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
        '<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 脚注：截至2024年12月31日。</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    )
    fn = lambda i: ("xml", f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{i}"/></w:r>')
    cstart = lambda i: ("xml", f'<w:commentRangeStart w:id="{i}"/>')
    cend = lambda i: ("xml", f'<w:commentRangeEnd w:id="{i}"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                             f'<w:commentReference w:id="{i}"/></w:r>')
    P = [para("青石市临溪区人民政府办公室2024年度法治政府建设情况报告", style="Title"), para(PRE.format("我办"))]
    P.append(para("主要举措和成效", style="Heading1", num=(0, 1)))
    P.append(para(["加强行政复议工作。全年办理行政复议案件", cstart(0), "73件", cend(0), "，纠错率12.3%", fn(1), "。"], num=(1, 1)))
    P.append(para(["推进政务公开标准化，主动公开政府信息2160条", fn(2), "。"], num=(1, 1)))
    P.append(para([cstart(1), "落实法律顾问制度，审查合同协议54份。", cend(1)], num=(1, 1)))
    P.append(para("存在的不足和原因", style="Heading1", num=(0, 1)))
    P.append(para("部分单位依法行政意识有待加强。", num=(1, 1)))
    P.append(para("政务公开的及时性仍需提高。", num=(1, 1)))
    P.append(para("党政主要负责人履行推进法治建设第一责任人职责情况", style="Heading1", num=(0, 1)))
    P.append(para("主要负责人主持办公会议研究法治工作3次。", num=(1, 1)))
    P.append(para("下一年度推进法治政府建设的主要安排", style="Heading1", num=(0, 1)))
    P.append(para("深化政务公开。", num=(1, 1)))
    P.append(para("加强合法性审查。", num=(1, 1)))
    P.append(para("其他需要报告的情况", style="Heading1", num=(0, 1)))
    P.append(para("无。"))
    write_docx(f"{out}/20_word_comments_footnotes.docx", document(P), styles, numbering,
               comments=comments, footnotes=footnotes,
               title="青石市临溪区人民政府办公室2024年度法治政府建设情况报告", author="临溪区政府办")


def normalize(path):
    """Rewrite a .docx with every zip entry dated 1980-01-01: the content is untouched."""
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    os.replace(tmp, path)


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--normalize":
        for path in sys.argv[2:]:
            normalize(path)
        return
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "tests", "corpus", "docx")
    os.makedirs(out, exist_ok=True)
    case_word_cn_style_numbering(out)
    case_wps_style_ids(out)
    case_restart_overrides(out)
    case_numstylelink(out)
    case_item_formats(out)
    case_bad_numbering(out)
    case_comments_footnotes(out)


if __name__ == "__main__":
    main()
