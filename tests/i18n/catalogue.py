"""Reading bitim's gettext catalogues in the i18n tests."""


def entries(path):
    """(msgid, [msgstr...]) of a catalogue, without the header and without
    obsolete (#~) entries."""
    text = open(path, encoding="utf-8").read()
    out = []
    for block in text.split("\n\n"):
        if block.lstrip().startswith("#~"):
            continue
        mid, strs, cur = None, [], None
        for line in block.split("\n"):
            if line.startswith("msgid "):
                mid, cur = eval(line[6:]), "id"
            elif line.startswith("msgid_plural "):
                cur = "plural"
            elif line.startswith("msgstr"):
                strs.append(eval(line.split(" ", 1)[1]))
                cur = "str"
            elif line.startswith('"') and cur == "id":
                mid += eval(line)
            elif line.startswith('"') and cur == "str":
                strs[-1] += eval(line)
        if mid:
            out.append((mid, strs))
    return out
