<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ImportSummary</name>
    <message numerus="yes">
        <location filename="../../reader/gui/import_summary.py" line="+107" />
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
            </translation>
    </message>
    <message numerus="yes">
        <location line="+15" />
        <source>%n file(s) imported</source>
        <translation>
            <numerusform>%n file imported</numerusform>
            <numerusform>%n files imported</numerusform>
            </translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n skipped as duplicate(s)</source>
        <translation>
            <numerusform>%n skipped as duplicate</numerusform>
            <numerusform>%n skipped as duplicates</numerusform>
            </translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n refused</source>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
            </translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>%n not imported (cancelled)</source>
        <translation>
            <numerusform>%n not imported (cancelled)</numerusform>
            <numerusform>%n not imported (cancelled)</numerusform>
            </translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message numerus="yes">
        <location filename="../../reader/gui/library_model.py" line="+311" />
        <source>%1
File: %2
%n article(s)</source>
        <translation>
            <numerusform>%1
File: %2
%n article</numerusform>
            <numerusform>%1
File: %2
%n articles</numerusform>
            </translation>
    </message>
    <message numerus="yes">
        <location line="+14" />
        <source>%1 of %n article(s) proofread or approved</source>
        <translation>
            <numerusform>%1 of %n article proofread or approved</numerusform>
            <numerusform>%1 of %n articles proofread or approved</numerusform>
            </translation>
    </message>
    <message numerus="yes">
        <location line="+38" />
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n tag</numerusform>
            <numerusform>%n tags</numerusform>
            </translation>
    </message>
</context>
<context>
    <name>LibraryPane</name>
    <message numerus="yes">
        <location filename="../../reader/gui/library_pane.py" line="+175" />
        <source>%n issue(s) match</source>
        <translation>
            <numerusform>%n issue match</numerusform>
            <numerusform>%n issues match</numerusform>
            </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../reader/gui/main_window.py" line="+533" />
        <source>%n issue(s)</source>
        <translation>
            <numerusform>%n issue</numerusform>
            <numerusform>%n issues</numerusform>
            </translation>
    </message>
    <message numerus="yes">
        <location line="+0" />
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
            </translation>
    </message>
</context>
<context>
    <name>SearchPane</name>
    <message numerus="yes">
        <location filename="../../reader/gui/search_pane.py" line="+182" />
        <source>The first %n results, newest first</source>
        <translation>
            <numerusform>The first result, newest first</numerusform>
            <numerusform>The first %n results, newest first</numerusform>
            </translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n article(s) found, newest first</source>
        <translation>
            <numerusform>%n article found, newest first</numerusform>
            <numerusform>%n articles found, newest first</numerusform>
            </translation>
    </message>
</context>
<context>
    <name>TagListModel</name>
    <message numerus="yes">
        <location filename="../../reader/gui/tag_models.py" line="+116" />
        <source>%1 · %2 · %n article(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n article</numerusform>
            <numerusform>%1 · %2 · %n articles</numerusform>
            </translation>
    </message>
</context>
</TS>
