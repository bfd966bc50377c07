<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BackupsDialog</name>
    <message numerus="yes">
        <location filename="../../reader/gui/backups_dialog.py" line="+174"/>
        <source>%n backup(s) of %1, kept in %2</source>
        <translation>
            <numerusform>%n backup of %1, kept in %2</numerusform>
            <numerusform>%n backups of %1, kept in %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkTagDialog</name>
    <message numerus="yes">
        <location filename="../../reader/gui/bulk_tagging.py" line="+49"/>
        <source>%n article(s) selected.</source>
        <translation>
            <numerusform>%n article selected.</numerusform>
            <numerusform>%n articles selected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>&amp;Add to %n Article(s)</source>
        <translation>
            <numerusform>&amp;Add to %n Article</numerusform>
            <numerusform>&amp;Add to %n Articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>&amp;Remove from %n Article(s)</source>
        <translation>
            <numerusform>&amp;Remove from %n Article</numerusform>
            <numerusform>&amp;Remove from %n Articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangesView</name>
    <message numerus="yes">
        <location filename="../../reader/gui/changes_view.py" line="+210"/>
        <source>%n change(s) against the original</source>
        <translation>
            <numerusform>%n change against the original</numerusform>
            <numerusform>%n changes against the original</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <location filename="../../reader/gui/export_form.py" line="+229"/>
        <source>The %n issue(s) selected in the library pane</source>
        <translation>
            <numerusform>The %n issue selected in the library pane</numerusform>
            <numerusform>The %n issues selected in the library pane</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>The %n article(s) selected in the library pane</source>
        <translation>
            <numerusform>The %n article selected in the library pane</numerusform>
            <numerusform>The %n articles selected in the library pane</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>The %n article(s) matching the library filter</source>
        <translation>
            <numerusform>The %n article matching the library filter</numerusform>
            <numerusform>The %n articles matching the library filter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The %n article(s) found by the search</source>
        <translation>
            <numerusform>The %n article found by the search</numerusform>
            <numerusform>The %n articles found by the search</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportSummaryDialog</name>
    <message numerus="yes">
        <location filename="../../reader/gui/export_summary.py" line="+37"/>
        <source>%n file(s) written to %1</source>
        <translation>
            <numerusform>%n file written to %1</numerusform>
            <numerusform>%n files written to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n issue(s)</source>
        <translation>
            <numerusform>%n issue</numerusform>
            <numerusform>%n issues</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindReplace</name>
    <message numerus="yes">
        <location filename="../../reader/gui/find_replace.py" line="+103"/>
        <source>%n article(s) changed since the replace were left as they are.</source>
        <translation>
            <numerusform>%n article changed since the replace was left as it is.</numerusform>
            <numerusform>%n articles changed since the replace were left as they are.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindReplaceDialog</name>
    <message numerus="yes">
        <location line="+371"/>
        <location line="+45"/>
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-44"/>
        <location line="+45"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n changed since the preview and were left.</source>
        <translation>
            <numerusform>%n changed since the preview and was left.</numerusform>
            <numerusform>%n changed since the preview and were left.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message numerus="yes">
        <location filename="../../reader/gui/commands/imported.py" line="+40"/>
        <source>Import %n Issue(s)</source>
        <translation>
            <numerusform>Import %n Issue</numerusform>
            <numerusform>Import %n Issues</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message numerus="yes">
        <location filename="../../reader/gui/import_summary.py" line="+176"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n scan page(s) attached</source>
        <translation>
            <numerusform>%n scan page attached</numerusform>
            <numerusform>%n scan pages attached</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%n file(s) imported</source>
        <translation>
            <numerusform>%n file imported</numerusform>
            <numerusform>%n files imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n skipped as duplicate(s)</source>
        <translation>
            <numerusform>%n skipped as a duplicate</numerusform>
            <numerusform>%n skipped as duplicates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n refused</source>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n not imported (cancelled)</source>
        <translation>
            <numerusform>%n not imported (cancelled)</numerusform>
            <numerusform>%n not imported (cancelled)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LayoutView</name>
    <message numerus="yes">
        <location filename="../../reader/gui/layout_view.py" line="+176"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n leftover(s)</source>
        <translation>
            <numerusform>%n leftover</numerusform>
            <numerusform>%n leftovers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message numerus="yes">
        <location filename="../../reader/gui/library_model.py" line="+422"/>
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
        <location line="+14"/>
        <source>%1 of %n article(s) proofread or approved</source>
        <translation>
            <numerusform>%1 of %n article proofread or approved</numerusform>
            <numerusform>%1 of %n articles proofread or approved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
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
        <location filename="../../reader/gui/library_pane.py" line="+221"/>
        <source>%n issue(s) match</source>
        <translation>
            <numerusform>%n issue matches</numerusform>
            <numerusform>%n issues match</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../reader/gui/main_window.py" line="+431"/>
        <source>%n issue(s)</source>
        <translation>
            <numerusform>%n issue</numerusform>
            <numerusform>%n issues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotesPane</name>
    <message numerus="yes">
        <location filename="../../reader/gui/notes_pane.py" line="+326"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n orphaned</source>
        <translation>
            <numerusform>%n orphaned</numerusform>
            <numerusform>%n orphaned</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message numerus="yes">
        <location filename="../../reader/gui/recovery_dialog.py" line="+123"/>
        <source>%n edit(s) were not saved into the library when they were made (the disk was full or could not be written, or Jiaokan stopped before it could save them) and were kept on disk. Save them into the library now?</source>
        <translation>
            <numerusform>%n edit was not saved into the library when it was made (the disk was full or could not be written, or Jiaokan stopped before it could save it) and was kept on disk. Save it into the library now?</numerusform>
            <numerusform>%n edits were not saved into the library when they were made (the disk was full or could not be written, or Jiaokan stopped before it could save them) and were kept on disk. Save them into the library now?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+81"/>
        <source>%n edit(s) saved.</source>
        <translation>
            <numerusform>%n edit saved.</numerusform>
            <numerusform>%n edits saved.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n edit(s) already in the library (saved since): no longer kept.</source>
        <translation>
            <numerusform>%n edit already in the library (saved since): no longer kept.</numerusform>
            <numerusform>%n edits already in the library (saved since): no longer kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n edit(s) not saved, still kept: the article changed since (Compare… shows both).</source>
        <translation>
            <numerusform>%n edit not saved, still kept: the article changed since (Compare… shows both).</numerusform>
            <numerusform>%n edits not saved, still kept: the article changed since (Compare… shows both).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+87"/>
        <source>The %n kept edit(s) will be deleted for good.</source>
        <translation>
            <numerusform>The %n kept edit will be deleted for good.</numerusform>
            <numerusform>The %n kept edits will be deleted for good.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPane</name>
    <message numerus="yes">
        <location filename="../../reader/gui/search_pane.py" line="+193"/>
        <source>The first %n results, newest first</source>
        <translation>
            <numerusform>The first result, newest first</numerusform>
            <numerusform>The first %n results, newest first</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n article(s) found, newest first</source>
        <translation>
            <numerusform>%n article found, newest first</numerusform>
            <numerusform>%n articles found, newest first</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message numerus="yes">
        <location filename="../../reader/gui/commands/suggestions.py" line="+116"/>
        <location filename="../../reader/gui/ocr_review.py" line="+127"/>
        <source>Accept %n Suggestion(s) (%1)</source>
        <translation>
            <numerusform>Accept %n Suggestion (%1)</numerusform>
            <numerusform>Accept %n Suggestions (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SuggestionsPane</name>
    <message numerus="yes">
        <location filename="../../reader/gui/suggestions_pane.py" line="+270"/>
        <source>%n suggestion(s) in this article</source>
        <translation>
            <numerusform>%n suggestion in this article</numerusform>
            <numerusform>%n suggestions in this article</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+198"/>
        <source>Accept %n suggestion(s) of %1 in this article?</source>
        <translation>
            <numerusform>Accept %n suggestion of %1 in this article?</numerusform>
            <numerusform>Accept %n suggestions of %1 in this article?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Accept %n suggestion(s) of %1 in this issue?</source>
        <translation>
            <numerusform>Accept %n suggestion of %1 in this issue?</numerusform>
            <numerusform>Accept %n suggestions of %1 in this issue?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Accept %n suggestion(s) of %1 in the whole library?</source>
        <translation>
            <numerusform>Accept %n suggestion of %1 in the whole library?</numerusform>
            <numerusform>Accept %n suggestions of %1 in the whole library?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>%n suggestion(s) accepted.</source>
        <translation>
            <numerusform>%n suggestion accepted.</numerusform>
            <numerusform>%n suggestions accepted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagBrowser</name>
    <message numerus="yes">
        <location filename="../../reader/gui/tag_browser.py" line="+360"/>
        <source>%1 · %2 · %n article(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n article</numerusform>
            <numerusform>%1 · %2 · %n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+209"/>
        <source>Delete the tag “%1”? %n article(s) will lose it.</source>
        <translation>
            <numerusform>Delete the tag “%1”? %n article will lose it.</numerusform>
            <numerusform>Delete the tag “%1”? %n articles will lose it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagChip</name>
    <message numerus="yes">
        <location filename="../../reader/gui/tag_pane.py" line="+84"/>
        <source>%1 · %2 · %n article(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n article</numerusform>
            <numerusform>%1 · %2 · %n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagEditor</name>
    <message numerus="yes">
        <location filename="../../reader/gui/tag_commands.py" line="+177"/>
        <source>Add Tag “%1” to %n Article(s)</source>
        <translation>
            <numerusform>Add Tag “%1” to %n Article</numerusform>
            <numerusform>Add Tag “%1” to %n Articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Remove Tag “%1” from %n Article(s)</source>
        <translation>
            <numerusform>Remove Tag “%1” from %n Article</numerusform>
            <numerusform>Remove Tag “%1” from %n Articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagListModel</name>
    <message numerus="yes">
        <location filename="../../reader/gui/tag_models.py" line="+130"/>
        <source>%1 · %2 · %n article(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n article</numerusform>
            <numerusform>%1 · %2 · %n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagRulesDialog</name>
    <message numerus="yes">
        <location filename="../../reader/gui/tag_rules_dialog.py" line="+330"/>
        <source>Matches %n article(s);</source>
        <translation>
            <numerusform>Matches %n article;</numerusform>
            <numerusform>Matches %n articles;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n would be newly tagged.</source>
        <translation>
            <numerusform>%n would be newly tagged.</numerusform>
            <numerusform>%n would be newly tagged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <source>Apply Tag Rule to %n Article(s)</source>
        <translation>
            <numerusform>Apply Tag Rule to %n Article</numerusform>
            <numerusform>Apply Tag Rule to %n Articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Tagged %n article(s).</source>
        <translation>
            <numerusform>Tagged %n article.</numerusform>
            <numerusform>Tagged %n articles.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>Took the tag off %n article(s).</source>
        <translation>
            <numerusform>Took the tag off %n article.</numerusform>
            <numerusform>Took the tag off %n articles.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Remove %n Tag Rule(s)</source>
        <translation>
            <numerusform>Remove %n Tag Rule</numerusform>
            <numerusform>Remove %n Tag Rules</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserRulesDialog</name>
    <message numerus="yes">
        <location filename="../../reader/gui/user_rules_dialog.py" line="+307"/>
        <source>%n rule(s) exported.</source>
        <translation>
            <numerusform>%n rule exported.</numerusform>
            <numerusform>%n rules exported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n rule(s) imported.</source>
        <translation>
            <numerusform>%n rule imported.</numerusform>
            <numerusform>%n rules imported.</numerusform>
        </translation>
    </message>
</context>
</TS>
