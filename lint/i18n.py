"""The interface's language: Chinese when asked (``--lang zh``) or when the locale is Chinese, else English.

Findings are Chinese in every language (they come from the packs); what this translates is gwlint's
own interface: ``--help``, the summary of the ``full`` report and ``--statistics``, and the most
common error reasons. A text without a translation is shown in English.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

LANGUAGES = ("en", "zh")

ZH: dict[str, str] = {
    # argparse's own words
    "usage: ": "用法：",
    "options": "选项",
    "positional arguments": "位置参数",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    # commands
    "lint files (the default command)": "检查文稿（默认命令）",
    "list packs and rules": "列出规则包和规则",
    "show a rule's rationale and examples": "说明规则的依据和示例",
    "rule id (pack.slug) or pack name": "规则编号（包名.规则名）或规则包名",
    "公文草稿检查 — lint drafts (the default command). "
    "Other commands: gwlint rules (list the rules), gwlint explain RULE (why and how to fix).": (
        "公文草稿检查（默认命令）。其他命令：gwlint rules 列出规则；gwlint explain 规则 说明依据和改法。"
    ),
    # check's options
    "files, directories (recursing over drafts) or - for stdin": "文件、文件夹（检查其中的文稿）或 -（标准输入）",
    "full, json, concise, github, sarif, junit (default: full)": (
        "输出格式：full、json、concise、github、sarif、junit（默认 full）"
    ),
    "exit 1 when a diagnostic at or above this severity is found (default: warning)": (
        "发现此级别及以上的问题时退出码为 1（默认 warning）"
    ),
    "the day drafts are judged at: formulations, names and references are right or outdated relative to it "
    "(YYYY-MM-DD; a year YYYY or month YYYY-MM: what is wrong on every day of it; default: today; "
    "'document': the date written in each draft)": (
        "按哪一天检查文稿：提法、名单和过时表述都相对于这一天判断（YYYY-MM-DD；只写年份 YYYY 或月份 YYYY-MM 时，"
        "只报在其中每一天都不对的写法；默认今天；document：按各文稿自己的成文日期）"
    ),
    "the path to report for input read from stdin (its suffix chooses the format)": (
        "标准输入的文件名（按后缀判断格式）"
    ),
    "apply safe fixes in place, then report what remains": "直接改正可安全修复的问题，再报告其余问题",
    "print the fixes as a unified diff; write nothing": "以 diff 显示修改，不写文件",
    "write NAME.gwlint.docx beside each .docx with a Word comment on each finding": (
        "为每个 .docx 另存一份 NAME.gwlint.docx，在每处问题上加 Word 批注"
    ),
    "with --fix/--diff, also apply unsafe fixes": "与 --fix/--diff 同用：也应用需人工确认的修复",
    "with --annotate, replace NAME.gwlint.docx (default: keep it, write NAME.gwlint-2.docx, -3 ...)": (
        "与 --annotate 同用：覆盖 NAME.gwlint.docx（默认保留它，另写 NAME.gwlint-2.docx、-3……）"
    ),
    "write the report to FILE instead of standard output": "把报告写入 FILE，而不是标准输出",
    "print the findings only: no summary, no notes": "只列问题，不要汇总和提示",
    "print how often each rule fired instead of the findings": "只统计每条规则报告了多少处",
    "lint files in N processes (default: the number of CPUs; at most 4 per CPU and 64; small runs use one)": (
        "用 N 个进程检查（默认为 CPU 数；每个 CPU 至多 4 个，总数至多 64 个）"
    ),
    "use this configuration for every file instead of the nearest .gwlint.yaml/pyproject.toml": (
        "所有文件都用这个配置文件，不再查找最近的 .gwlint.yaml/pyproject.toml"
    ),
    "ignore configuration files": "不读配置文件",
    "stop and report a rule that uses more CPU time than this on one file, per million characters of it "
    "(default: 2; at least 0.1; 0: no limit)": (
        "一条规则在一个文件上（每百万字）用掉超过这么多秒 CPU 时间就停下并报告（默认 2；至少 0.1；0：不限）"
    ),
    "(default: 2; 0: no limit)": "一条规则在一个文件上（每百万字）超过这么多秒就停下并报告（默认 2；0：不限）",
    "report only findings not recorded in FILE": "只报告 FILE 中没有记录的问题",
    "record the current findings in FILE and exit 0": "把当前问题记录到 FILE，退出码为 0",
    "only these rules or packs (repeatable, or comma-separated)": "只用这些规则或规则包（可重复，或用逗号分隔）",
    "leave out these rules or packs (repeatable, or comma-separated)": "不用这些规则或规则包（可重复，或用逗号分隔）",
    "an extra YAML rule pack (repeatable)": "另加的 YAML 规则包（可重复）",
    "the interface's language (default: from the locale)": "界面语言（默认按系统语言环境）",
    # the full report's summary and --statistics
    "Could not check {failed} of {total} file(s) (see the “gwlint: error:” lines).": (
        "{total} 个文件中有 {failed} 个无法检查（见 gwlint: error 行）。"
    ),
    "No problems found in {count} file(s).": "{count} 个文件未发现问题。",
    "No problems found in the other {count} file(s).": "其余 {count} 个文件未发现问题。",
    "Found {total} problem(s) in {with_problems} of {files} file(s): ": (
        "{files} 个文件中有 {with_problems} 个发现问题，共 {total} 处："
    ),
    "By pack: ": "按规则包：",
    "By rule: ": "按规则：",
    "{count} fixable with --fix.": "其中 {count} 处可用 --fix 自动修复。",
    "  …同一段另有 {count} 处 {rule}：{places}": "  …同一段另有 {count} 处 {rule}：{places}",
    "fixable": "可自动修复",
}

TRANSLATIONS: Mapping[str, Mapping[str, str]] = {"zh": ZH}

# The reasons an input could not be checked or written, as regexes over the English reason (the
# part after "PATH: "), each with its Chinese; a reason not listed stays English.
ZH_REASONS: list[tuple[str, str]] = [
    (r"no such file", "文件不存在"),
    (r"permission denied", "没有读取权限"),
    (r"is a directory", "这是文件夹"),
    (r"not a regular file \(a FIFO, socket or device\): not read", "不是普通文件（管道、套接字或设备），未读取"),
    (r"directory cannot be read \(permission denied\)", "文件夹无法读取（没有权限）"),
    (
        r"no drafts \((?P<suffixes>[^)]*)\) in this folder: nothing was checked",
        "文件夹中没有可检查的文稿（{suffixes}）：什么也没有检查",
    ),
    (r"binary file \(contains NUL bytes\), not a text draft", "二进制文件（含 NUL 字节），不是文本文稿"),
    (
        r"an old binary Word/WPS document.*",
        "旧版 Word/WPS 二进制文档（.doc/.wps），gwlint 无法读取：请在 Word 或 WPS 中另存为 .docx 再检查",
    ),
    (r"not a Word \.docx file.*", "不是 Word .docx 文件"),
    (r"not a readable \.docx file.*", "无法读取的 .docx 文件（已损坏）"),
    (r"too large to read safely: (?P<why>.*)", "文件过大，为安全起见不予读取：{why}"),
    (r"cannot decode: (?P<why>.*)", "无法解码：{why}"),
    (r"changed on disk since it was read; not overwritten", "读取后文件已被改动，未覆盖"),
    (r"read-only file; not rewritten.*", "只读文件，未改写（改为可写后 --fix 才能修改）"),
    (
        r"is a symbolic link; --fix does not write through links.*",
        "这是符号链接，--fix 不经链接写入（请对链接指向的文件运行）",
    ),
    (r"cannot write \((?P<why>[^)]*)\); original left as it was", "无法写入（{why}），原文件未动"),
    (r"--annotate works on \.docx files only", "--annotate 只用于 .docx 文件"),
    (
        r"the worker linting it was killed \(signal (?P<number>\d+)[^)]*\); the other files were linted",
        "检查该文件的工作进程被终止（信号 {number}，可能内存不足，或被其他进程结束），其他文件已检查",
    ),
    (
        r"the worker linting it ended unexpectedly \(exit code (?P<code>-?\d+)\); the other files were linted",
        "检查该文件的工作进程意外退出（退出码 {code}），其他文件已检查",
    ),
]


def translate_reason(reason: str, lang: str) -> str:
    """An input error's reason in ``lang`` (English when it has no translation)."""
    import re

    if lang != "zh":
        return reason
    for pattern, template in ZH_REASONS:
        match = re.fullmatch(pattern, reason)
        if match is not None:
            return template.format(**match.groupdict())
    return reason


def language(choice: str | None, environ: Mapping[str, str] = os.environ) -> str:
    """``--lang`` if given, else the locale: Chinese for zh_*, English otherwise."""
    if choice in LANGUAGES:
        return choice
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = environ.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def translate(text: str, lang: str) -> str:
    return TRANSLATIONS.get(lang, {}).get(text, text)
