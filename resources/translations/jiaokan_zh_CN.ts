<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../reader/gui/actions.py" line="+58"/>
        <source>&amp;Import Files…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import issue files (.txt), page scans or Jiaokan exports into the library</source>
        <translation>把报纸期次文件（.txt）、页面扫描件或校勘导出文件导入文库</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import &amp;Folder…</source>
        <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import every .txt file of a folder and its subfolders, or its page scans as an issue</source>
        <translation>导入文件夹及其子文件夹中的所有 .txt 文件，或把其中的页面扫描件作为一期导入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the Sa&amp;mple Issue</source>
        <translation>打开示例期次(&amp;M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;Library…</source>
        <translation>打开文库(&amp;L)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a library file or a team library on a server</source>
        <translation>打开文库文件，或服务器上的团队文库</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export articles or issues as text, Markdown, JSON, CSV or TEI</source>
        <translation>把文章或期次导出为纯文本、Markdown、JSON、CSV 或 TEI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Backups…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List, make and restore backups of the library</source>
        <translation>查看、创建和恢复文库的备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search every article of the library</source>
        <translation>在文库的所有文章中搜索</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>F&amp;ilter the Library</source>
        <translation>筛选文库(&amp;I)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Next Script</source>
        <translation>切换简繁(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the text in the next script</source>
        <translation>切换到下一种简繁显示</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Follow the &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Next Article</source>
        <translation>下一篇(&amp;N)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Previous Article</source>
        <translation>上一篇(&amp;P)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Issue Page</source>
        <translation>期次页面(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the page of the current article&apos;s issue</source>
        <translation>显示当前文章所在期次的页面</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Next Suggestion</source>
        <translation>下一条建议(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select the next suggestion of the rules in this article</source>
        <translation>选中本文中规则给出的下一条建议</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Previous Suggestion</source>
        <translation>上一条建议(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Accept Suggestion</source>
        <translation>采纳建议(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply the selected suggestion&apos;s replacement</source>
        <translation>按所选建议进行替换</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reject Suggestion</source>
        <translation>拒绝建议(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Never offer the selected suggestion again</source>
        <translation>不再提出所选的这条建议</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>OCR Unsure &amp;Marks</source>
        <translation>OCR 存疑标记(&amp;M)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mark the passages the OCR model was unsure of</source>
        <translation>标出 OCR 模型没有把握的段落</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next &amp;Unsure Passage</source>
        <translation>下一处 OCR 存疑(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go to the next passage the OCR model was unsure of</source>
        <translation>转到下一处 OCR 模型没有把握的段落</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept All of This Rule in the A&amp;rticle…</source>
        <translation>采纳本文中此规则的全部建议(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept All of This Rule in the &amp;Issue…</source>
        <translation>采纳本期中此规则的全部建议(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept All of This Rule in the &amp;Library…</source>
        <translation>采纳整个文库中此规则的全部建议(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User Rules…</source>
        <translation>自定义规则(&amp;U)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add, change, export or import your own suggestion rules</source>
        <translation>添加、修改、导出或导入你自己的建议规则</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add &amp;Note…</source>
        <translation>添加批注(&amp;N)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attach a note to the selected text</source>
        <translation>为所选文字添加批注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit Note…</source>
        <translation>编辑批注(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;solve Note</source>
        <translation>标为已解决(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete Note</source>
        <translation>删除批注(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ne&amp;xt Open Note</source>
        <translation>下一条未解决批注(&amp;X)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go to the next note not resolved yet, in any article of the library</source>
        <translation>转到下一条尚未解决的批注，文库中任何文章均可</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pre&amp;vious Open Note</source>
        <translation>上一条未解决批注(&amp;V)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go to the open note before this one, in any article</source>
        <translation>转到此前一条尚未解决的批注，任何文章均可</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Layout View…</source>
        <translation>版面视图(&amp;L)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The whole issue as its blocks, to fix its articles by keyboard</source>
        <translation>以文本块显示整期，用键盘修正文章切分</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Split Article Here</source>
        <translation>在此拆分文章(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start a new article at the block at the cursor</source>
        <translation>从光标所在的文本块开始一篇新文章</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Merge with &amp;Previous Article</source>
        <translation>与上一篇合并(&amp;P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Merge with &amp;Next Article</source>
        <translation>与下一篇合并(&amp;N)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Move Block to Pre&amp;vious Article</source>
        <translation>把文本块移到上一篇(&amp;V)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move Block to Ne&amp;xt Article</source>
        <translation>把文本块移到下一篇(&amp;X)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Join with Next Block</source>
        <translation>与下一文本块连接(&amp;J)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Split Block at &amp;Cursor</source>
        <translation>在光标处拆分文本块(&amp;C)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Edit Article Text</source>
        <translation>编辑文章文字(&amp;E)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Edit the current article&apos;s text (saved as you type)</source>
        <translation>编辑当前文章的文字（边输入边保存）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show &amp;Changes</source>
        <translation>显示改动(&amp;C)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mark the article&apos;s changes against the OCR original</source>
        <translation>标出文章相对 OCR 原文的改动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revision &amp;History…</source>
        <translation>修订历史(&amp;H)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every revision of the article; restore an earlier one</source>
        <translation>文章的所有修订版本；可恢复较早的版本</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mark &amp;New</source>
        <translation>标为未校(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark In &amp;Progress</source>
        <translation>标为校对中(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark P&amp;roofread</source>
        <translation>标为已校对(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark &amp;Approved</source>
        <translation>标为已审定(&amp;A)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Next Article Needing &amp;Review</source>
        <translation>下一篇待校对文章(&amp;R)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open the next article not yet proofread, in any issue</source>
        <translation>打开下一篇尚未校对的文章（不限期次）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next Article Whose &amp;Layout Needs a Look</source>
        <translation>下一篇版面需要检查的文章(&amp;L)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the next article whose cut into articles looks doubtful, in any issue</source>
        <translation>打开下一篇分篇可疑的文章（不限期号）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Find and Rep&amp;lace…</source>
        <translation>查找和替换(&amp;L)…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Replace text across an article, an issue or the library</source>
        <translation>在一篇文章、一期或整个文库中替换文字</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Issue &amp;Properties…</source>
        <translation>期次属性(&amp;P)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set the title, publication, date and number of the issue</source>
        <translation>设置期次的标题、报名、日期和期号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport Issue…</source>
        <translation>导出期次(&amp;X)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete Issue…</source>
        <translation>删除期次(&amp;D)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the issue and everything in it (backed up first, undoable)</source>
        <translation>删除期次及其全部内容（先备份，可撤销）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Names and &amp;Conversions…</source>
        <translation>专名与转换(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Names kept as written in converted text, and your own conversions of phrases</source>
        <translation>转换字形时保持原样的专名，以及自定义的词语转换</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every action that has a key, and its key</source>
        <translation>所有有快捷键的操作及其快捷键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Jiaokan</source>
        <translation>关于校勘(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <location filename="../../reader/gui/i18n.py" line="+109"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>ArticleEditor</name>
    <message>
        <location filename="../../reader/gui/article_text_edit.py" line="+243"/>
        <location line="+14"/>
        <source>Blocks are split and joined with the structure commands, not by typing.</source>
        <translation>文本块的拆分与连接请用“结构”菜单中的命令，而不是直接输入。</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+32"/>
        <location line="+6"/>
        <source>An edit cannot reach across two blocks: select text within one block.</source>
        <translation>一次编辑不能跨越两个文本块：请在同一文本块内选择文字。</translation>
    </message>
</context>
<context>
    <name>ArticleEditorPane</name>
    <message>
        <location filename="../../reader/gui/article_editor.py" line="+155"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location line="+117"/>
        <location line="+171"/>
        <source>Saved at %1</source>
        <translation>已于 %1 保存</translation>
    </message>
    <message>
        <location line="-136"/>
        <location line="+36"/>
        <source>Not saved: kept in a recovery file</source>
        <translation>未保存：已存入恢复文件</translation>
    </message>
    <message>
        <location line="-33"/>
        <location line="+11"/>
        <location line="+24"/>
        <source>Saving “%1”</source>
        <translation>正在保存“%1”</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>The library could not be written (%1). Your text stays in the editor and is kept in a recovery file; saving is tried again.</source>
        <translation>无法写入文库（%1）。你的文字仍在编辑器中，并已存入恢复文件；稍后会再次尝试保存。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>NOT SAVED</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The text could not be saved (%1). It stays in the editor and is kept in a recovery file.</source>
        <translation>无法保存文字（%1）。文字仍在编辑器中，并已存入恢复文件。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>changed elsewhere while being edited</source>
        <translation>编辑期间在别处被修改</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Changed elsewhere: choose which text to keep</source>
        <translation>已在别处被修改：请选择保留哪一份文字</translation>
    </message>
    <message>
        <location line="+51"/>
        <location line="+5"/>
        <source>Keeping your text</source>
        <translation>正在保留你的文字</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Keep My Text</source>
        <translation>保留我的文字</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The article changed elsewhere</source>
        <translation>文章已在别处被修改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The newer text is shown. Yours is kept in a recovery file, offered at the next start.</source>
        <translation>现在显示的是较新的文字。你的文字已存入恢复文件，下次启动时会提供给你。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Merging by hand: not saved yet</source>
        <translation>正在手动合并：尚未保存</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../reader/gui/commands/typing.py" line="+42"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/commands/typing.py" line="+1"/>
        <source>Typing in “%1”</source>
        <translation>在“%1”中输入</translation>
    </message>
    <message>
        <location filename="../../reader/gui/article_editor.py" line="+9"/>
        <source>Editing “%1” · %2 · original script</source>
        <translation>正在编辑“%1” · %2 · 原文字形</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <location filename="../../reader/gui/backup_settings.py" line="+36"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before a bulk change</source>
        <translation>批量修改前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../reader/gui/backups_dialog.py" line="+72"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Made</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Back up automatically when the newest backup is older than</source>
        <translation>最新备份早于以下时长时自动备份</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checked each time the library is opened; 0 turns it off</source>
        <translation>每次打开文库时检查；设为 0 则关闭</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Back Up Now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>This library is not a file: it cannot be backed up.</source>
        <translation>此文库不是文件，无法备份。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The backups cannot be listed: %1</source>
        <translation>无法列出备份：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n backup(s) of %1, kept in %2</source>
        <translation>
            <numerusform>%1 共有 %n 个备份，保存在 %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>There is no backup of this library yet.</source>
        <translation>此文库还没有备份。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The library is read-only: it cannot be restored.</source>
        <translation>文库是只读的，无法恢复。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Backed up: %1</source>
        <translation>已备份：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The backup failed: %1</source>
        <translation>备份失败：%1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Restore the Backup?</source>
        <translation>恢复此备份？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace the library with the backup made %1?

The library as it is now is backed up first, so Edit &gt; Undo brings it back; the steps made before the restore can no longer be undone. Changes made since %1 are no longer shown.</source>
        <translation>用 %1 创建的备份替换文库？

会先备份文库的当前状态，因此“编辑 &gt; 撤销”可以恢复原样；恢复之前的操作将无法再撤销。%1 之后所做的修改将不再显示。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The backup was restored; the library is open again.</source>
        <translation>备份已恢复，文库已重新打开。</translation>
    </message>
</context>
<context>
    <name>BulkTagDialog</name>
    <message>
        <location filename="../../reader/gui/bulk_tagging.py" line="+42"/>
        <source>Tag Selected Articles</source>
        <translation>为所选文章加标签</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n article(s) selected.</source>
        <translation>
            <numerusform>已选 %n 篇文章。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tag name</source>
        <translation>标签名称</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kind of the new tag</source>
        <translation>新标签的类别</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>&amp;Add to %n Article(s)</source>
        <translation>
            <numerusform>添加到 %n 篇文章(&amp;A)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>&amp;Remove from %n Article(s)</source>
        <translation>
            <numerusform>从 %n 篇文章中移除(&amp;R)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangesView</name>
    <message>
        <location filename="../../reader/gui/changes_view.py" line="+49"/>
        <source>deleted “%1”</source>
        <translation>删除了“%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>inserted “%1”</source>
        <translation>插入了“%1”</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Revert %1</source>
        <translation>撤回 %1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Block</source>
        <translation>文本块</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>改动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>修改人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Revert This Change</source>
        <translation>撤回此改动(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put back the OCR original of the selected change (undoable)</source>
        <translation>把所选改动恢复为 OCR 原文（可撤销）</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>No article is shown.</source>
        <translation>没有显示文章。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;%1&lt;/b&gt; against the OCR original (original script): %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 相对 OCR 原文（原文字形）：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>%n change(s) against the original</source>
        <translation>
            <numerusform>相对原文有 %n 处改动</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChooseTagDialog</name>
    <message>
        <location filename="../../reader/gui/tag_browser.py" line="+219"/>
        <source>Leave empty for none</source>
        <translation>留空表示无</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>There is no tag of that name.</source>
        <translation>没有这个名称的标签。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../reader/gui/conflict_dialog.py" line="+61"/>
        <source>The Article Changed Elsewhere</source>
        <translation>文章已在别处被修改</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“%1” was changed elsewhere while you were editing it, so your text was not saved over the newer one. Your text is kept safe until you choose. Differences are marked from the newer text to yours: %2.</source>
        <translation>你编辑“%1”时，它在别处被修改了，所以你的文字没有覆盖较新的版本。在你作出选择之前，你的文字会妥善保留。差异按“从较新文字到你的文字”标出：%2。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Differences</source>
        <translation>差异</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your Text</source>
        <translation>你的文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newer Text</source>
        <translation>较新的文字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy Your Text</source>
        <translation>复制你的文字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the Newer Text</source>
        <translation>复制较新的文字</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Keep My Text</source>
        <translation>保留我的文字</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save your text over the newer one (which stays in the history)</source>
        <translation>用你的文字覆盖较新的文字（较新的文字仍保留在历史中）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take the Newer Text</source>
        <translation>采用较新的文字</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit the newer text; yours is copied to the clipboard</source>
        <translation>编辑较新的文字；你的文字已复制到剪贴板</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merge by Hand</source>
        <translation>手动合并</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Go on editing your text on top of the newer one, with this window open to copy from</source>
        <translation>在较新文字的基础上继续编辑，并保持此窗口打开以便复制</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The texts are the same.</source>
        <translation>两段文字相同。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Newer Text of the Article (for Reference)</source>
        <translation>文章的较新文字（供参考）</translation>
    </message>
</context>
<context>
    <name>ConversionListDialog</name>
    <message>
        <location filename="../../reader/gui/conversion_ui.py" line="+129"/>
        <source>Names and Conversions</source>
        <translation>专名与转换</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Converted text keeps person, place and organisation tags as written, and these names too. Your conversions replace a phrase in one script after OpenCC (for example 并为 → 並為).</source>
        <translation>转换字形时，人名、地名、机构标签保持原样，下列专名也保持原样。自定义转换在 OpenCC 之后把某一字形中的词语替换掉（例如 并为 → 並為）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>One name a line, for example 李群</source>
        <translation>每行一个专名，例如 李群</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Script</source>
        <translation>字形</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phrase</source>
        <translation>词语</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Becomes</source>
        <translation>转换为</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Add Conversion</source>
        <translation>添加转换(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove Conversion</source>
        <translation>删除转换(&amp;R)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Names kept as written:</source>
        <translation>保持原样的专名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your conversions:</source>
        <translation>自定义转换：</translation>
    </message>
</context>
<context>
    <name>ConversionUi</name>
    <message>
        <location line="-52"/>
        <source>Change Conversion Lists</source>
        <translation>更改转换列表</translation>
    </message>
</context>
<context>
    <name>DamagedLibraryDialog</name>
    <message>
        <location filename="../../reader/gui/damaged_dialog.py" line="+20"/>
        <source>The Library Is Damaged</source>
        <translation>文库已损坏</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The library %1 failed its integrity check, so Jiaokan does not write to it: nothing was changed. The problems found:</source>
        <translation>文库 %1 未通过完整性检查，因此校勘不会写入它：没有做任何修改。发现的问题：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Restoring replaces the library with its newest backup that passes verification; the damaged file is kept beside it as “%1”.</source>
        <translation>恢复会用通过校验的最新备份替换文库；损坏的文件保留在旁边，名为“%1”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The library cannot be restored here: its file or its folder cannot be written.</source>
        <translation>无法在此恢复文库：文库文件或其所在文件夹不可写。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Restore the Newest Good Backup</source>
        <translation>恢复最新的完好备份</translation>
    </message>
</context>
<context>
    <name>Editing</name>
    <message>
        <location filename="../../reader/gui/edit_commands.py" line="+142"/>
        <location line="+7"/>
        <source>The library is not open yet.</source>
        <translation>文库尚未打开。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The library is open read-only: nothing can be changed.</source>
        <translation>文库以只读方式打开，不能做任何修改。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Not Changed</source>
        <translation>未修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 could not be done:

%2</source>
        <translation>无法完成“%1”：

%2</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Wait for the change under way to finish.</source>
        <translation>请等待正在进行的修改完成。</translation>
    </message>
</context>
<context>
    <name>EncodingDialog</name>
    <message>
        <location filename="../../reader/gui/encoding_dialog.py" line="+26"/>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GB18030 / GBK (simplified Chinese)</source>
        <translation>GB18030 / GBK（简体中文）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Big5 (traditional Chinese)</source>
        <translation>Big5（繁体中文）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Big5 with Microsoft extensions (cp950)</source>
        <translation>Big5 微软扩展（cp950）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Big5-HKSCS (Hong Kong)</source>
        <translation>Big5-HKSCS（香港）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose the Encoding</source>
        <translation>选择编码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 reads as more than one encoding. Choose the one whose text makes sense:</source>
        <translation>%1 可按多种编码读取。请选择文字通顺的一种：</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="+81"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_form.py" line="+59"/>
        <source>What and how</source>
        <translation>导出什么、如何导出</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Export:</source>
        <translation>导出(&amp;E)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Plain text, Markdown and CSV are written in this script</source>
        <translation>纯文本、Markdown 和 CSV 以此简繁写出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Script:</source>
        <translation>简繁(&amp;S)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also write the notes as Web Annotations (JSON-LD)</source>
        <translation>同时把批注写成 Web Annotations(JSON-LD)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Parts of each article (plain text and Markdown)</source>
        <translation>每篇文章包含的部分（纯文本和 Markdown）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Separators (plain text and Markdown)</source>
        <translation>分隔符（纯文本和 Markdown）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Blank line</source>
        <translation>空行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line break</source>
        <translation>换行</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Two blank lines</source>
        <translation>两个空行</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Between &amp;paragraphs:</source>
        <translation>段落之间(&amp;P)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>* * * between blank lines</source>
        <translation>空行之间的 * * *</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A line of dashes</source>
        <translation>一行短横线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page break</source>
        <translation>分页符</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Between &amp;articles:</source>
        <translation>文章之间(&amp;A)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One file per &amp;issue</source>
        <translation>每期一个文件(&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;One file for everything</source>
        <translation>全部写入一个文件(&amp;O)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Replace files of the same name in the folder</source>
        <translation>替换文件夹中的同名文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>When off, a file already there is kept and the new one gets a -2, -3… suffix</source>
        <translation>关闭时，保留已有文件，新文件加上 -2、-3… 后缀</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Folder to write the files into</source>
        <translation>写入文件的文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Preview of the first file</source>
        <translation>第一个文件的预览</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type \n for a line break, \t for a tab, \f for a page break</source>
        <translation>输入 \n 表示换行，\t 表示制表符，\f 表示分页符</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The current article</source>
        <translation>当前文章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The current issue</source>
        <translation>当前期次</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The %n issue(s) selected in the library pane</source>
        <translation>
            <numerusform>文库面板中选中的 %n 期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>The %n article(s) selected in the library pane</source>
        <translation>
            <numerusform>文库面板中选中的 %n 篇文章</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>The %n article(s) matching the library filter</source>
        <translation>
            <numerusform>符合文库筛选条件的 %n 篇文章</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The %n article(s) found by the search</source>
        <translation>
            <numerusform>搜索找到的 %n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The whole library</source>
        <translation>整个文库</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON, complete</source>
        <translation>JSON（完整）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV table of articles</source>
        <translation>文章 CSV 表格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TEI XML</source>
        <translation>TEI XML</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes as Web Annotations</source>
        <translation>批注（Web Annotations）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Section</source>
        <translation>栏目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kicker</source>
        <translation>引题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subtitle</source>
        <translation>副题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Byline</source>
        <translation>署名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Captions</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes as footnotes</source>
        <translation>批注作为脚注</translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="+142"/>
        <source>Export Into</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>The library is not open.</source>
        <translation>文库未打开。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to export: choose what to export.</source>
        <translation>没有可导出的内容：请选择要导出什么。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Updating the preview…</source>
        <translation>正在更新预览…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The first file would be empty.</source>
        <translation>第一个文件将是空的。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The preview could not be made: %1</source>
        <translation>无法生成预览：%1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Showing the first %1 of %2 characters.</source>
        <translation>显示 %2 个字符中的前 %1 个。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Preparing the export…</source>
        <translation>正在准备导出…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Writing %1 (%2 of %3)</source>
        <translation>正在写入 %1（第 %2 个，共 %3 个）</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+19"/>
        <source>The export was cancelled: no file was written.</source>
        <translation>导出已取消：没有写入任何文件。</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Nothing was exported: the scope holds no article.</source>
        <translation>没有导出任何内容：所选范围内没有文章。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Export Failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was exported:

%1</source>
        <translation>没有导出任何内容：

%1</translation>
    </message>
</context>
<context>
    <name>ExportReasons</name>
    <message>
        <location filename="../../reader/gui/export_reasons.py" line="+34"/>
        <source>cannot write into the folder: %1</source>
        <translation>无法写入该文件夹：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a folder of that name is in the way</source>
        <translation>已有同名的文件夹，无法写入文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>something that is not a file has that name</source>
        <translation>已有同名的非普通文件，无法写入文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot write the file: %1</source>
        <translation>无法写入文件：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a folder: a file of that name is in the way; choose a folder to export into</source>
        <translation>不是文件夹：已有同名的文件；请选择一个文件夹来导出</translation>
    </message>
</context>
<context>
    <name>ExportSummaryDialog</name>
    <message>
        <location filename="../../reader/gui/export_summary.py" line="+32"/>
        <source>Export Finished</source>
        <translation>导出完成</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n file(s) written to %1</source>
        <translation>
            <numerusform>已向 %1 写入 %n 个文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n issue(s)</source>
        <translation>
            <numerusform>%n 期</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Open Folder</source>
        <translation>打开文件夹</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <location filename="../../reader/gui/file_dialogs.py" line="+35"/>
        <source>Issue files, page scans and Jiaokan exports (*.txt *.json *.pdf *.png *.jpg *.jpeg *.tif *.tiff)</source>
        <translation>期次文件、页面扫描件和校勘导出文件 (*.txt *.json *.pdf *.png *.jpg *.jpeg *.tif *.tiff)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page scans, read by OCR (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</source>
        <translation>页面扫描件，经 OCR 识读 (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Jiaokan JSON exports (*.json)</source>
        <translation>校勘 JSON 导出文件 (*.json)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import Issue Files</source>
        <translation>导入期次文件</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import a Folder of Issue Files</source>
        <translation>导入期次文件所在的文件夹</translation>
    </message>
</context>
<context>
    <name>FindReplace</name>
    <message>
        <location filename="../../reader/gui/find_replace.py" line="+76"/>
        <source>Replace “%1” with “%2” (%3)</source>
        <translation>把“%1”替换为“%2”（%3 处）</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n article(s) changed since the replace were left as they are.</source>
        <translation>
            <numerusform>%n 篇文章在替换之后又有修改，已保持原样。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindReplaceDialog</name>
    <message>
        <location line="+172"/>
        <source>Find and Replace</source>
        <translation>查找和替换</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Text or regular expression to find</source>
        <translation>要查找的文字或正则表达式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replacement (\1 or \g&lt;name&gt; for groups)</source>
        <translation>替换为（用 \1 或 \g&lt;name&gt; 引用分组）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regular e&amp;xpression</source>
        <translation>正则表达式(&amp;X)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ignore &amp;script, width and case (简/繁, Ａ/A)</source>
        <translation>忽略简繁、全半角和大小写(&amp;S)（简/繁，Ａ/A）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Current article</source>
        <translation>当前文章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current issue</source>
        <translation>当前期次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole library</source>
        <translation>整个文库</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace &amp;with:</source>
        <translation>替换为(&amp;W)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Check &amp;All</source>
        <translation>全部勾选(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check &amp;None</source>
        <translation>全部取消(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Replace Checked</source>
        <translation>替换已勾选的(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Type what to find.</source>
        <translation>请输入要查找的内容。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Invalid regular expression: %1</source>
        <translation>无效的正则表达式：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open an article (or an issue) to search in it, or search the whole library.</source>
        <translation>请打开一篇文章（或一期）以在其中查找，或者在整个文库中查找。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The library is not open yet.</source>
        <translation>文库尚未打开。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Finding…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing found.</source>
        <translation>没有找到。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The library changed since the search: find again to see the hits.</source>
        <translation>查找之后文库已有改动：请重新查找以列出结果。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 Hits in articles changed since the search left the list: find again to see them.</source>
        <translation>%1查找之后有改动的文章中的结果已移出列表：请重新查找以列出它们。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Find again to see the hits of the new search.</source>
        <translation>请再次查找以查看新搜索的结果。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 in %2; %3 checked will be replaced.</source>
        <translation>%2中共 %1；已勾选的 %3 处将被替换。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <location line="+45"/>
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n 处匹配</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-44"/>
        <location line="+45"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Replaced %1 in %2.</source>
        <translation>已替换 %2中的 %1。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n changed since the preview and were left.</source>
        <translation>
            <numerusform>%n 处在预览后已有改动，未予替换。</numerusform>
        </translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Check the hits to replace.</source>
        <translation>请勾选要替换的匹配项。</translation>
    </message>
    <message>
        <location line="-169"/>
        <source>Fin&amp;d All</source>
        <translation>全部查找(&amp;D)</translation>
    </message>
    <message>
        <location line="+172"/>
        <source>Wait for the change under way to finish.</source>
        <translation>请等待正在进行的修改完成。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unsaved typing in the editor could not be saved first.</source>
        <translation>无法先保存编辑器中尚未保存的输入。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Replacing…</source>
        <translation>正在替换…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Nothing was replaced: %1</source>
        <translation>没有替换任何内容：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../reader/gui/history.py" line="+54"/>
        <source>As imported</source>
        <translation>导入时原样</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A change reverted</source>
        <translation>撤回了一处修改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find and replace</source>
        <translation>查找和替换</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Articles split or merged</source>
        <translation>文章拆分或合并</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revision %1 restored</source>
        <translation>已恢复第 %1 版</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Suggestion accepted (%1)</source>
        <translation>已采纳建议（%1）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Restore Revision %1</source>
        <translation>恢复第 %1 版</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location line="+18"/>
        <source>Revision History</source>
        <translation>修订历史</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No.</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>修改人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Compared with the current text</source>
        <translation>与当前文字比较</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What this revision changed</source>
        <translation>此版本所做的改动</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Restore This Revision</source>
        <translation>恢复此版本(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bring this text back, as a new revision (undoable)</source>
        <translation>把这份文字作为新版本恢复（可撤销）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No article is shown.</source>
        <translation>没有显示文章。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This article has not been edited yet.</source>
        <translation>这篇文章还没有被编辑过。</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message numerus="yes">
        <location filename="../../reader/gui/commands/imported.py" line="+40"/>
        <source>Import %n Issue(s)</source>
        <translation>
            <numerusform>导入 %n 期</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../../reader/gui/import_flow.py" line="+139"/>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Looking for issue files…</source>
        <translation>正在查找期次文件…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cancelling; nothing of this issue is kept…</source>
        <translation>正在取消；此期次不会留下任何内容…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelling; nothing of this file is kept…</source>
        <translation>正在取消；此文件不会留下任何内容…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelling after the current file…</source>
        <translation>当前文件导入完成后取消…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reading page %1 of %2 (issue %3)</source>
        <translation>正在识别第 %1 页，共 %2 页（期次 %3）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Importing file %1 of %2:
%3</source>
        <translation>正在导入第 %1 个文件，共 %2 个：
%3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1% of this file</source>
        <translation>本文件已完成 %1%</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Import Failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The import stopped with an error; files imported before it are kept.

%1</source>
        <translation>导入因错误而中止；此前已导入的文件会保留。

%1</translation>
    </message>
</context>
<context>
    <name>ImportReasons</name>
    <message>
        <location filename="../../reader/gui/import_summary.py" line="+110"/>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file is empty apart from its byte-order mark</source>
        <translation>文件除字节顺序标记（BOM）外没有内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file contains only whitespace</source>
        <translation>文件只含空白字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file looks binary, not text</source>
        <translation>文件看起来是二进制文件，不是文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file looks like UTF-16 text without a byte-order mark: save it as UTF-8</source>
        <translation>文件像是没有字节顺序标记的 UTF-16 文本：请另存为 UTF-8</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file is UTF-32, which is not supported; convert it to UTF-8 first</source>
        <translation>文件是 UTF-32 编码，不受支持；请先转换为 UTF-8</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the encoding is ambiguous (it decodes as %1); convert it to UTF-8 first</source>
        <translation>无法确定编码（可按 %1 解码）；请先转换为 UTF-8</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file decodes in none of the supported encodings (UTF-8, GB18030, Big5)</source>
        <translation>文件不符合任何受支持的编码（UTF-8、GB18030、Big5）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file does not look like text in any supported encoding</source>
        <translation>按任何受支持的编码解读，文件都不像文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file is too large (%1 bytes)</source>
        <translation>文件过大（%1 字节）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file starts with a %1 byte-order mark but is not valid %1</source>
        <translation>文件以 %1 字节顺序标记开头，但内容不是有效的 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file is not valid %1 at byte %2</source>
        <translation>文件在第 %2 字节处不是有效的 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file changed while it was being imported</source>
        <translation>文件在导入过程中被修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no such file or folder</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no issue files in this folder (.txt, Jiaokan .json exports or page scans)</source>
        <translation>此文件夹中没有可导入的期次文件（.txt、校勘 .json 导出文件或页面扫描件）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot read the file: it is not a regular file</source>
        <translation>无法读取：不是普通文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read it: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>could not be stored: %1</source>
        <translation>无法存入文库：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not valid JSON: %1 (line %2, column %3)</source>
        <translation>不是有效的 JSON（第 %2 行第 %3 列）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not valid JSON: nested too deeply</source>
        <translation>不是有效的 JSON：嵌套层数过多</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not UTF-8 text: %1 at byte %2</source>
        <translation>不是 UTF-8 文本（第 %2 字节处）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file is larger than %1 MiB</source>
        <translation>文件大于 %1 MiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a Jiaokan issue export (version 2): %1</source>
        <translation>不是校勘期次导出文件（第 2 版）：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>issue.sha256 is not the SHA-256 of original_text (the file was altered)</source>
        <translation>文件被改动过：原文与其中记录的 SHA-256 不符</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the document holds only some of the issue&apos;s articles (a filtered export); export the whole issue to import it</source>
        <translation>该文件只含本期的部分文章（筛选后的导出）；请导出整期后再导入</translation>
    </message>
    <message>
        <location line="+17"/>
        <location filename="../../reader/gui/scan_reasons.py" line="+70"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../reader/gui/scan_reasons.py" line="-13"/>
        <source>page %1: the OCR model could not read it (%2)</source>
        <translation>第 %1 页：OCR 模型无法识别（%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>page %1: not enough memory to read it</source>
        <translation>第 %1 页：内存不足，无法识别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>page %1 could not be decoded as an image</source>
        <translation>第 %1 页无法解码为图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>page %1 is too large (%2 × %3 pixels)</source>
        <translation>第 %1 页太大（%2 × %3 像素）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is the same file as %1 (a page given twice?)</source>
        <translation>与 %1 是同一个文件（同一页给了两次？）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is already attached to issue %1 (as %2)</source>
        <translation>已附加到期次 %1（文件名 %2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not an image or PDF (PNG, JPEG, TIFF or PDF expected)</source>
        <translation>不是图像或 PDF（应为 PNG、JPEG、TIFF 或 PDF）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unreadable %1: the file is truncated or damaged</source>
        <translation>无法读取的 %1：文件不完整或已损坏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the PDF is encrypted (password protected)</source>
        <translation>PDF 已加密（受密码保护）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the PDF has no pages</source>
        <translation>PDF 没有页面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file is over %1 GiB</source>
        <translation>文件超过 %1 GiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no text was read on its pages</source>
        <translation>页面上没有识别出文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a process reading its pages stopped (out of memory?)</source>
        <translation>识别页面的进程中止了（内存不足？）</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message numerus="yes">
        <location filename="../../reader/gui/import_summary.py" line="+11"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n 篇文章</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n scan page(s) attached</source>
        <translation>
            <numerusform>已附加 %n 页扫描</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1; %2</source>
        <translation>%1；%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>already in the library as issue %1</source>
        <translation>文库中已有（期次 %1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>already in the library</source>
        <translation>文库中已有</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not imported: the import was cancelled</source>
        <translation>未导入：导入已取消</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n file(s) imported</source>
        <translation>
            <numerusform>已导入 %n 个文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n skipped as duplicate(s)</source>
        <translation>
            <numerusform>%n 个因重复而跳过</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n refused</source>
        <translation>
            <numerusform>%n 个被拒绝</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n not imported (cancelled)</source>
        <translation>
            <numerusform>%n 个未导入（已取消）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>scan refused: %1</source>
        <translation>扫描件被拒绝：%1</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <location line="-44"/>
        <source>Import Finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The import was cancelled: the files listed as imported are complete; the others left nothing behind.</source>
        <translation>导入已取消：列为“已导入”的文件完整无缺；其余文件没有留下任何内容。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped as duplicate</source>
        <translation>重复，已跳过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled, not imported</source>
        <translation>已取消，未导入</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Choose Encoding…</source>
        <translation>选择编码…</translation>
    </message>
</context>
<context>
    <name>IssueActions</name>
    <message>
        <location filename="../../reader/gui/issue_actions.py" line="+59"/>
        <source>Change Issue Properties</source>
        <translation>修改期次属性</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Choose an issue in the library first.</source>
        <translation>请先在文库中选择一个期次。</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Delete Issue</source>
        <translation>删除期次</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete “%1” with its %2 articles, corrections, notes and tags?

The library is backed up first, and Edit &gt; Undo brings the issue back.</source>
        <translation>删除“%1”及其 %2 篇文章、修改、批注和标签？

删除前会先备份文库，“编辑 &gt; 撤销”可以恢复该期次。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Delete “%1”</source>
        <translation>删除“%1”</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import undone: its issues are deleted. Edit &gt; Redo brings them back.</source>
        <translation>已撤销导入：导入的期次已删除。“编辑 &gt; 重做”可以恢复。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Deleted. Edit &gt; Undo brings it back.</source>
        <translation>已删除。“编辑 &gt; 撤销”可以恢复。</translation>
    </message>
</context>
<context>
    <name>IssuePropertiesDialog</name>
    <message>
        <location filename="../../reader/gui/issue_properties_dialog.py" line="+17"/>
        <source>Issue Properties</source>
        <translation>期次属性</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As printed in the masthead</source>
        <translation>按报头所印</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The paper this is an issue of</source>
        <translation>本期所属的报纸</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For example 2021-04-16</source>
        <translation>例如 2021-04-16</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For example 第12期</source>
        <translation>例如 第12期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Publication:</source>
        <translation>报名(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Number:</source>
        <translation>期号(&amp;N)：</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>“%1” is not a date: there is no month %2.</source>
        <translation>“%1”不是日期：没有%2月。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is not a date: %2-%3 has days 1 to %4.</source>
        <translation>“%1”不是日期：%2年%3月只有1日至%4日。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../reader/gui/labels.py" line="+13"/>
        <source>New</source>
        <translation>未校</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>校对中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proofread</source>
        <translation>已校对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>已审定</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Masthead</source>
        <translation>报头</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layout</source>
        <translation>版面元素</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QR code blurb</source>
        <translation>二维码说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Section label</source>
        <translation>栏目标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Section</source>
        <translation>栏目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kicker</source>
        <translation>引题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subtitle</source>
        <translation>副题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Byline</source>
        <translation>署名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subheading</source>
        <translation>小标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paragraph</source>
        <translation>段落</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caption</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layout leftover</source>
        <translation>版面残留</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outside the article</source>
        <translation>文章之外</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Section</source>
        <translation>栏目(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kicker</source>
        <translation>引题(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ubtitle</source>
        <translation>副题(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Byline</source>
        <translation>署名(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sub&amp;heading</source>
        <translation>小标题(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paragraph</source>
        <translation>段落(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Caption</source>
        <translation>图片说明(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ource</source>
        <translation>来源(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layout le&amp;ftover</source>
        <translation>版面残留(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outside the &amp;article</source>
        <translation>文章之外(&amp;A)</translation>
    </message>
</context>
<context>
    <name>LayoutActions</name>
    <message>
        <location filename="../../reader/gui/layout_actions.py" line="+63"/>
        <source>Take Out as &amp;Leftover</source>
        <translation>移出为残留块(&amp;L)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Split Article Here</source>
        <translation>在此拆分文章(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merge with &amp;Previous Article</source>
        <translation>与上一篇合并(&amp;P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Merge with &amp;Next Article</source>
        <translation>与下一篇合并(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Move Block to Article…</source>
        <translation>把文本块移到文章(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move Block to a New &amp;Article</source>
        <translation>把文本块移为新文章(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move Block &amp;Up</source>
        <translation>文本块上移(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move Block &amp;Down</source>
        <translation>文本块下移(&amp;D)</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Take Out as Mast&amp;head</source>
        <translation>移出为报头(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take Out as Page La&amp;yout</source>
        <translation>移出为版面元素(&amp;Y)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>R&amp;emember for This Paper</source>
        <translation>为本报记住(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Forget for This Paper</source>
        <translation>为本报忘记(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read &amp;Again</source>
        <translation>重新读取(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>&amp;Block</source>
        <translation>文本块(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Article</source>
        <translation>文章(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Select a block first.</source>
        <translation>请先选择一个文本块。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Make Block a %1</source>
        <translation>把文本块设为%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Take Block Out as %1</source>
        <translation>把文本块移出为%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Split Article</source>
        <translation>拆分文章</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Merge with Previous Article</source>
        <translation>与上一篇合并</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merge with Next Article</source>
        <translation>与下一篇合并</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Move Block Up</source>
        <translation>文本块上移</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move Block Down</source>
        <translation>文本块下移</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Move Block to a New Article</source>
        <translation>把文本块移为新文章</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Move Block to Another Article</source>
        <translation>把文本块移到另一篇文章</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Move Block to Article</source>
        <translation>把文本块移到文章</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A new article after this one</source>
        <translation>在本篇之后新建一篇文章</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Article %1</source>
        <translation>第 %1 篇</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Forget Line “%1”</source>
        <translation>忘记此行“%1”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Forgotten for this paper.</source>
        <translation>已为本报忘记。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was remembered about this line.</source>
        <translation>本行没有记住的内容。</translation>
    </message>
</context>
<context>
    <name>LayoutReasons</name>
    <message>
        <location filename="../../reader/gui/layout_review.py" line="+36"/>
        <source>The title looks like a photo caption</source>
        <translation>标题像图片说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No body text</source>
        <translation>没有正文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The body opens with a heading-like line</source>
        <translation>正文以类似标题的行开头</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two kickers or titles</source>
        <translation>有两个引题或标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A masthead-like or furniture block</source>
        <translation>含报头或版面杂项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Very short</source>
        <translation>篇幅很短</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Very long</source>
        <translation>篇幅很长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A heading after the body (a title set at the end?)</source>
        <translation>正文之后有标题行（标题被排到了末尾？）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wide gaps inside lines (two columns read across?)</source>
        <translation>行内有大段空白（可能把两栏连着读了？）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A lone subheading (another article&apos;s title run in?)</source>
        <translation>只有一个小标题（可能是另一篇文章的标题并了进来？）</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>(untitled, no. %1)</source>
        <translation>（无标题，第 %1 篇）</translation>
    </message>
</context>
<context>
    <name>LayoutReview</name>
    <message>
        <location line="+62"/>
        <source>No article&apos;s layout needs a look.</source>
        <translation>没有需要检查版面的文章。</translation>
    </message>
</context>
<context>
    <name>LayoutView</name>
    <message>
        <location filename="../../reader/gui/layout_view.py" line="+85"/>
        <source>Block</source>
        <translation>文本块</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>This issue was deleted. Edit &gt; Undo in the main window brings it back; close this window.</source>
        <translation>这一期已被删除。在主窗口中“编辑 &gt; 撤销”可以恢复它；也可以关闭本窗口。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The issue could not be read: %1</source>
        <translation>无法读取这一期：%1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Layout of %1</source>
        <translation>%1 的版面</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n 篇文章</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n leftover(s)</source>
        <translation>
            <numerusform>%n 个残留块</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Article %1</source>
        <translation>第 %1 篇</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Leftover · %1</source>
        <translation>残留块 · %1</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../../reader/gui/library_model.py" line="+396"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>%1
File: %2
%n article(s)</source>
        <translation>
            <numerusform>%1
文件：%2
%n 篇文章</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%1 of %n article(s) proofread or approved</source>
        <translation>
            <numerusform>%n 篇文章中 %1 篇已校对或已审定</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 is editing</source>
        <translation>%1 正在编辑</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n 个标签</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryPane</name>
    <message>
        <location filename="../../reader/gui/library_pane.py" line="+82"/>
        <source>Filter by title…</source>
        <translation>按标题筛选…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show only articles with this status</source>
        <translation>只显示此状态的文章</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In import order</source>
        <translation>按导入顺序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By publication and date</source>
        <translation>按报名和日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By date</source>
        <translation>按日期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Order of the issues: grouped by publication, or by date</source>
        <translation>期次的排列：按报名分组，或按日期</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message numerus="yes">
        <location line="+95"/>
        <source>%n issue(s) match</source>
        <translation>
            <numerusform>%n 期符合</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nothing matches the filter</source>
        <translation>没有符合筛选条件的内容</translation>
    </message>
</context>
<context>
    <name>LibrarySafety</name>
    <message>
        <location filename="../../reader/gui/library_safety.py" line="+279"/>
        <source>The library is damaged</source>
        <translation>文库已损坏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was written to it. Restore a backup to go on working.</source>
        <translation>没有向其写入任何内容。请恢复一个备份后再继续工作。</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Backed up to %1</source>
        <translation>已备份到 %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>⚠ The backup failed</source>
        <translation>⚠ 备份失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The library could not be backed up: %1</source>
        <translation>无法备份文库：%1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Restoring the newest good backup…</source>
        <translation>正在恢复最新的完好备份…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The backup was restored; reopening the library…</source>
        <translation>备份已恢复，正在重新打开文库…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The backup was restored.</source>
        <translation>备份已恢复。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Restore Failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup could not be restored:

%1</source>
        <translation>无法恢复备份：

%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/gui/main_window.py" line="+95"/>
        <location line="+351"/>
        <location line="+13"/>
        <location line="+3"/>
        <source>Jiaokan 校勘</source>
        <translation>校勘</translation>
    </message>
    <message>
        <location line="-323"/>
        <source>Library</source>
        <translation>文库</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="+201"/>
        <source>Opening the library…</source>
        <translation>正在打开文库…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/window_menus.py" line="+21"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Script</source>
        <translation>简繁显示(&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>T&amp;heme</source>
        <translation>外观(&amp;H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Librar&amp;y Pane</source>
        <translation>文库面板(&amp;Y)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;earch Pane</source>
        <translation>搜索面板(&amp;E)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Main Toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Script:</source>
        <translation>简繁：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Script the text is shown in (Ctrl+Shift+T: next script)</source>
        <translation>正文的简繁显示（Ctrl+Shift+T：切换到下一种）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_lifecycle.py" line="+154"/>
        <source>The library could not be opened</source>
        <translation>无法打开文库</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot Open the Library</source>
        <translation>无法打开文库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The library %1 could not be opened:

%2</source>
        <translation>无法打开文库 %1:

%2</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="+54"/>
        <source>Issue %1</source>
        <translation>期次 %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Script: %1</source>
        <translation>简繁：%1</translation>
    </message>
    <message>
        <location filename="../../reader/gui/view_settings.py" line="+60"/>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language is used from the next start of Jiaokan.</source>
        <translation>新的界面语言将在下次启动校勘时生效。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/gui/main_window.py" line="+11"/>
        <source>%n issue(s)</source>
        <translation>
            <numerusform>%n 期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>article %1 of %2</source>
        <translation>第 %1 篇，共 %2 篇</translation>
    </message>
    <message>
        <location filename="../../reader/gui/import_dialogs.py" line="+107"/>
        <source>The library is not open yet.</source>
        <translation>文库尚未打开。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+55"/>
        <source>The library is read-only: nothing can be imported.</source>
        <translation>文库是只读的，无法导入。</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>An import is already running.</source>
        <translation>已有一项导入正在进行。</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Opening the sample issue…</source>
        <translation>正在打开示例期次…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="+62"/>
        <source>&lt;h3&gt;Jiaokan 校勘 %1&lt;/h3&gt;&lt;p&gt;A reader and proofreading workbench for OCR&apos;d Chinese community newspapers.&lt;/p&gt;&lt;p&gt;Library: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;校勘 Jiaokan %1&lt;/h3&gt;&lt;p&gt;OCR 识别的中文社区报纸阅读与校对工作台。&lt;/p&gt;&lt;p&gt;文库：%2&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About Jiaokan</source>
        <translation>关于校勘</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Something Went Wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A background task failed (%1):

%2</source>
        <translation>后台任务失败(%1):

%2</translation>
    </message>
</context>
<context>
    <name>MarkedText</name>
    <message>
        <location filename="../../reader/gui/marked_text.py" line="+97"/>
        <source>No difference: the texts are the same.</source>
        <translation>没有差异：两段文字相同。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (added)</source>
        <translation>%1（增加）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (removed)</source>
        <translation>%1（删除）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inserted</source>
        <translation>已插入</translation>
    </message>
</context>
<context>
    <name>MatchesModel</name>
    <message>
        <location filename="../../reader/gui/find_replace.py" line="-356"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before</source>
        <translation>前文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Found</source>
        <translation>匹配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Becomes</source>
        <translation>替换为</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After</source>
        <translation>后文</translation>
    </message>
</context>
<context>
    <name>NoteNavigation</name>
    <message>
        <location filename="../../reader/gui/note_navigation.py" line="+57"/>
        <source>No note is open.</source>
        <translation>没有未解决的批注。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The notes could not be read: %1</source>
        <translation>无法读取批注：%1</translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <location filename="../../reader/gui/notes_pane.py" line="+92"/>
        <source>Add Note</source>
        <translation>添加批注</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>article %1 has no block %2</source>
        <translation>文章 %1 中没有文本块 %2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Edit Note</source>
        <translation>编辑批注</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Resolve Note</source>
        <translation>将批注标为已解决</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reopen Note</source>
        <translation>重新打开批注</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Delete Note</source>
        <translation>删除批注</translation>
    </message>
    <message>
        <location line="+359"/>
        <source>Notes</source>
        <translation>批注</translation>
    </message>
</context>
<context>
    <name>NotesPane</name>
    <message>
        <location line="-313"/>
        <source>Show resolved</source>
        <translation>显示已解决的</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>The notes could not be read: %1</source>
        <translation>无法读取批注：%1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>orphaned: the passage is gone</source>
        <translation>已失去依附：原文段落已不存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Open an article to see its notes.</source>
        <translation>打开一篇文章以查看其批注。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No notes. Select text and press Ctrl+Alt+M to add one.</source>
        <translation>没有批注。选中文字后按 Ctrl+Alt+M 即可添加。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n 条批注</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n orphaned</source>
        <translation>
            <numerusform>%n 条失去依附</numerusform>
        </translation>
    </message>
    <message>
        <location line="+63"/>
        <source>The noted passage is no longer in the text; the note is kept.</source>
        <translation>批注所指的段落已不在正文中；批注仍然保留。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Re&amp;open Note</source>
        <translation>重新打开批注(&amp;O)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Re&amp;solve Note</source>
        <translation>标为已解决(&amp;S)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Select the passage to note first, within one block of an article.</source>
        <translation>请先在文章的同一个文本块内选中要批注的段落。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add Note</source>
        <translation>添加批注</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note on “%1”:</source>
        <translation>对“%1”的批注：</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>OK (Ctrl+Enter)</source>
        <translation>确定（Ctrl+Enter）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>An empty note was not added.</source>
        <translation>空白批注未添加。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Edit Note</source>
        <translation>编辑批注</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note:</source>
        <translation>批注：</translation>
    </message>
</context>
<context>
    <name>OcrReview</name>
    <message>
        <location filename="../../reader/gui/ocr_review.py" line="+88"/>
        <source>Accept the OCR Reading</source>
        <translation>确认 OCR 识读</translation>
    </message>
    <message>
        <location line="+157"/>
        <source>No passage the OCR was unsure of is left.</source>
        <translation>已没有 OCR 存疑的段落。</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Where this passage was read on the page</source>
        <translation>此段在版面上的识读位置</translation>
    </message>
</context>
<context>
    <name>OpenLibraryDialog</name>
    <message>
        <location filename="../../reader/gui/open_library_dialog.py" line="+37"/>
        <location line="+37"/>
        <source>Open Library</source>
        <translation>打开文库</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A library file, or a team library on a PostgreSQL server: postgresql+psycopg://user@host/database (the password comes from ~/.pgpass).</source>
        <translation>文库文件，或 PostgreSQL 服务器上的团队文库：postgresql+psycopg://用户@主机/数据库（密码取自 ~/.pgpass）。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Libraries (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>文库 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../reader/gui/preferences.py" line="+18"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Your edits, status changes and replacements are recorded under this name. Empty: %1.</source>
        <translation>你的编辑、状态修改和替换都以此名字记录。留空则为：%1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Editor name:</source>
        <translation>校对者姓名(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>PresenceBadge</name>
    <message>
        <location filename="../../reader/gui/reading_presence.py" line="+44"/>
        <source>%1 is editing</source>
        <translation>%1 正在编辑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is editing this article; you can still read it.</source>
        <translation>%1 正在编辑这篇文章；您仍可阅读。</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <location filename="../../reader/gui/progress.py" line="+21"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Proofreading</name>
    <message>
        <location filename="../../reader/gui/review_bar.py" line="+21"/>
        <source>Review Toolbar</source>
        <translation>校对工具栏</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Review &amp;Status</source>
        <translation>校对状态(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/proofreading.py" line="+153"/>
        <location line="+17"/>
        <location line="+85"/>
        <source>This article cannot be edited.</source>
        <translation>这篇文章无法编辑。</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Converted scripts are read-only: edit mode was left.</source>
        <translation>转换后的简繁显示是只读的：已退出编辑模式。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Your last edit could not be saved, nor kept in a recovery file. Copy the text somewhere safe before closing the window.</source>
        <translation>你最后一次编辑既无法保存，也无法存入恢复文件。关闭窗口前请把文字复制到安全的地方。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open an article to edit its text.</source>
        <translation>打开一篇文章以编辑其文字。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Your text is not saved yet, so edit mode stays on; see the message about it.</source>
        <translation>你的文字尚未保存，因此仍处于编辑模式；请查看相关提示。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Converted Text Is Read-Only</source>
        <translation>转换后的文字是只读的</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The text is shown in %1. Converted views are read-only: edits are made to the original text, as it was printed. Show the original script and edit it?</source>
        <translation>正文现以%1显示。转换后的显示是只读的：编辑只针对印刷时的原文。要显示原文并编辑吗？</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show the Original and Edit</source>
        <translation>显示原文并编辑</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Open an article to set its status.</source>
        <translation>打开一篇文章以设置其状态。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Every article is proofread or approved.</source>
        <translation>所有文章都已校对或审定。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open an article to see its history.</source>
        <translation>打开一篇文章以查看其历史。</translation>
    </message>
    <message>
        <location line="-301"/>
        <location line="+312"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location line="-332"/>
        <source>Proofread or approved</source>
        <translation>已校对或已审定</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remaining suggestions</source>
        <translation>待处理的建议</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Mark “%1” %2</source>
        <translation>把“%1”标为%2</translation>
    </message>
    <message>
        <location line="+314"/>
        <source>Revisions of “%1”</source>
        <translation>“%1”的修订版本</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Issue %1</source>
        <translation>期次 %1</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Proofreading</source>
        <translation>校对</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../reader/gui/qt_strings.py" line="+18"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shortcut</source>
        <translation>快捷方式</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location line="-5"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>ReReadDialog</name>
    <message>
        <location filename="../../reader/gui/scan_reread.py" line="+122"/>
        <source>Re-reading of the Region</source>
        <translation>重新识读区域</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stored text (differences marked):</source>
        <translation>库中文字（已标出差异）：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The model&apos;s reading:</source>
        <translation>模型识读结果：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The reading agrees with the stored text.</source>
        <translation>识读结果与库中文字一致。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Take This Reading</source>
        <translation>采用此识读(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take the chosen difference into the text (Return or T)</source>
        <translation>将所选差异改入正文（回车键或 T）</translation>
    </message>
</context>
<context>
    <name>Reading</name>
    <message>
        <location filename="../../reader/gui/reading_document.py" line="+327"/>
        <source>Issue</source>
        <translation>期次</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Source file</source>
        <translation>源文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported at</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Characters</source>
        <translation>字数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Articles</source>
        <translation>文章数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publication</source>
        <translation>报名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>出版日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>期号</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Review</source>
        <translation>校对</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Layout needs a look</source>
        <translation>版面需要检查</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Blocks outside any article</source>
        <translation>不属于任何文章的内容</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>None: every block belongs to an article.</source>
        <translation>无：所有内容都属于某篇文章。</translation>
    </message>
</context>
<context>
    <name>ReadingNavigation</name>
    <message>
        <location filename="../../reader/gui/reading_navigation.py" line="+91"/>
        <source>That article is no longer in the library.</source>
        <translation>文库中已没有这篇文章。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>This is the last article.</source>
        <translation>已经是最后一篇。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This is the first article.</source>
        <translation>已经是第一篇。</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Choose an article in the library</source>
        <translation>请在文库中选择一篇文章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expand an issue on the left to list its articles; Ctrl+F searches every article.</source>
        <translation>展开左侧的期次即可列出其中的文章；按 Ctrl+F 可搜索所有文章。</translation>
    </message>
</context>
<context>
    <name>ReadingPresence</name>
    <message>
        <location filename="../../reader/gui/reading_presence.py" line="+29"/>
        <source>This article was deleted</source>
        <translation>这篇文章已被删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Someone working on the same library deleted it, or the issue holding it. Choose another article in the library.</source>
        <translation>使用同一文库的人删除了这篇文章或它所在的一期。请在文库中选择其他文章。</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../reader/gui/recovery_dialog.py" line="+113"/>
        <source>Unsaved Edits Found</source>
        <translation>发现未保存的修改</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n edit(s) were not saved into the library when they were made (the disk was full or could not be written, or Jiaokan stopped before it could save them) and were kept on disk. Save them into the library now?</source>
        <translation>
            <numerusform>有 %n 处修改在当时未能存入文库（磁盘已满或无法写入，或校勘在保存前就停止了），已另存在磁盘上。现在存入文库吗？</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kept</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>修改人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Typed just before Jiaokan stopped, not saved yet</source>
        <translation>校勘停止前刚输入、尚未保存的文字</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Save Them Now</source>
        <translation>立即保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discard Them…</source>
        <translation>丢弃…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare…</source>
        <translation>比较…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the kept text beside the article&apos;s newer one and choose</source>
        <translation>把保留的文字与文章较新的文字并排显示，再选择</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n edit(s) saved.</source>
        <translation>
            <numerusform>已保存 %n 处修改。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n edit(s) already in the library (saved since): no longer kept.</source>
        <translation>
            <numerusform>%n 处修改已在文库中（此后已保存）：不再保留。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n edit(s) not saved, still kept: the article changed since (Compare… shows both).</source>
        <translation>
            <numerusform>%n 处修改未保存，仍然保留：文章此后已有改动（“比较…”并排显示两者）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Article %1 not saved: %2</source>
        <translation>文章 %1 未保存：%2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Article %1</source>
        <translation>第 %1 篇</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The edits could not be saved: %1</source>
        <translation>无法保存这些修改：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Discard the Unsaved Edits?</source>
        <translation>丢弃未保存的修改？</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The %n kept edit(s) will be deleted for good.</source>
        <translation>
            <numerusform>保留的 %n 处修改将被永久删除。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RememberOffer</name>
    <message>
        <location filename="../../reader/gui/remember_offer.py" line="+42"/>
        <source>Remember</source>
        <translation>记住</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not Now</source>
        <translation>暂不</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Remember “%1” as %2 for this paper? Later imports of it will apply it.</source>
        <translation>为本报记住“%1”是%2吗？以后导入本报时会自动应用。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Remember Line “%1”</source>
        <translation>记住此行“%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remember for This Paper</source>
        <translation>为本报记住</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remembered for this paper.</source>
        <translation>已为本报记住。</translation>
    </message>
</context>
<context>
    <name>RestoreCommandText</name>
    <message>
        <location filename="../../reader/gui/commands/restore.py" line="+66"/>
        <source>Restore Backup “%1”</source>
        <translation>恢复备份“%1”</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Unsaved typing in the editor could not be saved first; nothing was restored.</source>
        <translation>无法先保存编辑器中尚未保存的输入，因此没有恢复任何内容。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Another restore is under way, or this library is not a file.</source>
        <translation>另一项恢复正在进行，或者此文库不是文件。</translation>
    </message>
</context>
<context>
    <name>ReviewTools</name>
    <message>
        <location filename="../../reader/gui/review_tools.py" line="+62"/>
        <source>Accept All of &amp;This Rule</source>
        <translation>采纳此规则的全部建议(&amp;T)</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>S&amp;uggestions Pane</source>
        <translation>建议面板(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes Pane</source>
        <translation>批注面板(&amp;N)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Artefact Su&amp;ggestions</source>
        <translation>校对建议(&amp;G)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>N&amp;otes</source>
        <translation>批注(&amp;O)</translation>
    </message>
</context>
<context>
    <name>RuleEditor</name>
    <message>
        <location filename="../../reader/gui/user_rules_dialog.py" line="+82"/>
        <source>Edit Rule</source>
        <translation>编辑规则</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New Rule</source>
        <translation>新建规则</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only flag the text (no replacement)</source>
        <translation>只标出文字（不替换）</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Every block</source>
        <translation>所有文本块</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paragraphs</source>
        <translation>段落</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headings</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Captions</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Replace with:</source>
        <translation>替换为(&amp;R)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Looks at:</source>
        <translation>检查范围(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <location filename="../../reader/gui/commands/suggestions.py" line="+34"/>
        <source>half-width punctuation</source>
        <translation>半角标点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>spaces between Chinese characters</source>
        <translation>汉字之间的空格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latin words in Chinese text</source>
        <translation>中文中的拉丁字母词</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>page furniture in the article</source>
        <translation>文章中的版面元素</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>doubled punctuation</source>
        <translation>重复的标点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unbalanced quotes and brackets</source>
        <translation>不成对的引号和括号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paragraphs without closing punctuation</source>
        <translation>缺少结尾标点的段落</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OCR unsure</source>
        <translation>OCR 存疑</translation>
    </message>
</context>
<context>
    <name>SafetyBanner</name>
    <message>
        <location filename="../../reader/gui/library_safety.py" line="-357"/>
        <source>Restore the Newest Good Backup…</source>
        <translation>恢复最新的完好备份…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>This library is read-only: its file or its folder cannot be written, so editing and importing are disabled. Reading, searching and exporting work; copy the library to a writable folder to change it.</source>
        <translation>此文库是只读的：文库文件或其所在文件夹不可写，因此编辑和导入已停用。阅读、搜索和导出照常可用；要修改它，请把文库复制到可写的文件夹。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This library is damaged: Jiaokan will not write to it. Restore a backup to go on working.</source>
        <translation>此文库已损坏：校勘不会写入它。请恢复一个备份后再继续工作。</translation>
    </message>
</context>
<context>
    <name>ScanActions</name>
    <message>
        <location filename="../../reader/gui/scan_actions.py" line="+19"/>
        <source>&amp;Previous Page</source>
        <translation>上一页(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next Page</source>
        <translation>下一页(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;First Page</source>
        <translation>第一页(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Last Page</source>
        <translation>最后一页(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit &amp;Width</source>
        <translation>适合宽度(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fi&amp;t Page</source>
        <translation>适合整页(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotate L&amp;eft</source>
        <translation>向左旋转(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotate &amp;Right</source>
        <translation>向右旋转(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Draw a Region to Link</source>
        <translation>绘制区域以链接(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drag a rectangle on the page to link it to the open article, or to the block chosen</source>
        <translation>在页面上拖出矩形，将其链接到当前文章或所选段落</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the Selected Re&amp;gion</source>
        <translation>删除所选区域(&amp;G)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-re&amp;ad the Region…</source>
        <translation>重新识读区域(&amp;A)…</translation>
    </message>
</context>
<context>
    <name>ScanAttaching</name>
    <message>
        <location filename="../../reader/gui/scan_attach.py" line="+67"/>
        <source>Attach Page &amp;Scans…</source>
        <translation>附加版面扫描(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attach page images or a PDF to the issue selected in the library</source>
        <translation>将版面图片或 PDF 附加到文库中所选的期次</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Select an issue in the library first.</source>
        <translation>请先在文库中选择一个期次。</translation>
    </message>
    <message>
        <location line="-54"/>
        <location line="+58"/>
        <location line="+25"/>
        <source>Attach Page Scans</source>
        <translation>附加版面扫描</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Page scans (*.png *.jpg *.jpeg *.tif *.tiff *.pdf);;All files (*)</source>
        <translation>版面扫描 (*.png *.jpg *.jpeg *.tif *.tiff *.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 page(s) attached.</source>
        <translation>已附加 %1 页。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Some files were not attached:</source>
        <translation>有些文件未能附加：</translation>
    </message>
</context>
<context>
    <name>ScanPane</name>
    <message>
        <location filename="../../reader/gui/scan_commands.py" line="+42"/>
        <source>Link Region</source>
        <translation>链接区域</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Remove Region</source>
        <translation>删除区域</translation>
    </message>
    <message>
        <location filename="../../reader/gui/scan_pane.py" line="+153"/>
        <source>What a region drawn now is linked to</source>
        <translation>现在绘制的区域将链接到的对象</translation>
    </message>
    <message>
        <location line="+273"/>
        <source>Whole article</source>
        <translation>整篇文章</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open an article first: a region is linked to the article shown.</source>
        <translation>请先打开一篇文章：区域会链接到所显示的文章。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Click a region on the page first.</source>
        <translation>请先点击页面上的一个区域。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>This issue has no page scans. Attach them with File &gt; Attach Page Scans…, or put them next to the issue file before importing it.</source>
        <translation>本期没有版面扫描。可用“文件 &gt; 附加版面扫描…”附加，或在导入前将扫描件放在期刊文件旁边。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Page Scan</source>
        <translation>版面扫描</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Page Scan Pane</source>
        <translation>版面扫描窗格(&amp;P)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pa&amp;ge Scan</source>
        <translation>版面扫描(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/scan_reread.py" line="-98"/>
        <source>Re-reading needs the OCR extra. Install it with: %1</source>
        <translation>重新识读需要 OCR 扩展。安装方法：%1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Take the Re-reading</source>
        <translation>采用重新识读</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>Select a region on the page first.</source>
        <translation>请先在页面上选择一个区域。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Link the region to a block, or choose the block to compare it with.</source>
        <translation>请将区域链接到某个段落，或选择要比较的段落。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reading the region…</source>
        <translation>正在识读区域…</translation>
    </message>
</context>
<context>
    <name>Scripts</name>
    <message>
        <location filename="../../reader/gui/scripts.py" line="+22"/>
        <source>Original</source>
        <translation>原文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simplified 简体</source>
        <translation>简体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taiwan Standard 臺灣正體</source>
        <translation>臺灣正體</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hong Kong 香港繁體</source>
        <translation>香港繁體</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OpenCC Standard 標準繁體</source>
        <translation>OpenCC 標準繁體</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Original</source>
        <translation>原文(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Simplified 简体</source>
        <translation>简体(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Taiwan Standard 臺灣正體</source>
        <translation>臺灣正體(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hong Kong 香港繁體</source>
        <translation>香港繁體(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>O&amp;penCC Standard 標準繁體</source>
        <translation>OpenCC 標準繁體(&amp;P)</translation>
    </message>
</context>
<context>
    <name>SearchPane</name>
    <message>
        <location filename="../../reader/gui/search_pane.py" line="+62"/>
        <source>Search the library…</source>
        <translation>搜索文库…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All issues</source>
        <translation>所有期次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current issue</source>
        <translation>当前期次</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Open an issue to search in it.</source>
        <translation>请先打开一个期次，再在其中搜索。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No article contains “%1”.</source>
        <translation>没有文章包含“%1”。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The first %n results, newest first</source>
        <translation>
            <numerusform>前 %n 条结果，最新的在前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n article(s) found, newest first</source>
        <translation>
            <numerusform>找到 %n 篇文章，最新的在前</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../reader/gui/search_results.py" line="+85"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
</context>
<context>
    <name>ServerPassword</name>
    <message>
        <location filename="../../reader/gui/server_password.py" line="+44"/>
        <source>Password for the Team Library</source>
        <translation>团队文库的密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server refused the password of %1 for the library %2. Password:</source>
        <translation>服务器拒绝了 %1 访问文库 %2 的密码。密码：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server asks for the password of %1 for the library %2:</source>
        <translation>服务器要求 %1 访问文库 %2 的密码：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The library is not open: no password was given</source>
        <translation>文库未打开：没有输入密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open it again to give the password, or keep it in ~/.pgpass or in PGPASSWORD.</source>
        <translation>请重新打开文库并输入密码，或将密码保存在 ~/.pgpass 或 PGPASSWORD 中。</translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <location filename="../../reader/gui/shortcuts_sheet.py" line="+59"/>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter by action or key…</source>
        <translation>按操作或快捷键筛选…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>StructureActions</name>
    <message>
        <location filename="../../reader/gui/segmentation_actions.py" line="+84"/>
        <source>article %1 has no block %2: show it again</source>
        <translation>文章 %1 中没有文本块 %2：请重新显示这篇文章</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+58"/>
        <source>&amp;Structure</source>
        <translation>结构(&amp;S)</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Show in &amp;Layout View</source>
        <translation>在版面视图中显示(&amp;L)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Block &amp;Role</source>
        <translation>文本块角色(&amp;R)</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Block %1 of %2 · %3</source>
        <translation>第 %1 个文本块，共 %2 个 · %3</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Choose an issue in the library first.</source>
        <translation>请先在文库中选择一期。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Put the cursor in a block of the article first.</source>
        <translation>请先把光标放在文章的某个文本块中。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Split Article</source>
        <translation>拆分文章</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Merge with Previous Article</source>
        <translation>与上一篇合并</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merge with Next Article</source>
        <translation>与下一篇合并</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Move Block to Previous Article</source>
        <translation>把文本块移到上一篇</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move Block to Next Article</source>
        <translation>把文本块移到下一篇</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Join Blocks</source>
        <translation>连接文本块</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+3"/>
        <source>Split Block</source>
        <translation>拆分文本块</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Make Block a %1</source>
        <translation>把文本块设为%1</translation>
    </message>
</context>
<context>
    <name>SuggestionRow</name>
    <message>
        <location filename="../../reader/gui/tag_suggestion_list.py" line="+98"/>
        <source>Add this tag (%1)</source>
        <translation>添加此标签（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add this tag</source>
        <translation>添加此标签</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Never suggest this for this article (Delete)</source>
        <translation>不再为本文建议此项（Delete）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Added to the article</source>
        <translation>已加入本文</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dismissed for this article</source>
        <translation>本文不再建议</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No longer suggested for this article</source>
        <translation>已不在本文的建议之列</translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message>
        <location filename="../../reader/gui/commands/suggestions.py" line="+11"/>
        <source>Accept Suggestion (%1)</source>
        <translation>采纳建议（%1）</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Reject Suggestion (%1)</source>
        <translation>拒绝建议（%1）</translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <location filename="../../reader/gui/ocr_review.py" line="-177"/>
        <source>Accept %n Suggestion(s) (%1)</source>
        <translation>
            <numerusform>采纳 %n 条建议（%1）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/gui/suggestions_pane.py" line="+519"/>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
</context>
<context>
    <name>SuggestionsPane</name>
    <message>
        <location line="-410"/>
        <source>Text</source>
        <translation>原文</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+5"/>
        <location line="+335"/>
        <location line="+11"/>
        <source>Accept All</source>
        <translation>全部采纳</translation>
    </message>
    <message>
        <location line="-258"/>
        <source>The suggestions could not be computed: %1</source>
        <translation>无法计算建议：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Looking for suggestions…</source>
        <translation>正在查找建议…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>flag</source>
        <translation>标出</translation>
    </message>
    <message>
        <location line="-190"/>
        <source>(delete)</source>
        <translation>（删除）</translation>
    </message>
    <message>
        <location line="+202"/>
        <source>Open an article to see its suggestions.</source>
        <translation>打开一篇文章以查看对它的建议。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n suggestion(s) in this article</source>
        <translation>
            <numerusform>本文有 %n 条建议</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+85"/>
        <source>No suggestions in this article.</source>
        <translation>本文没有建议。</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>This rule only flags the text: edit it by hand, or reject the suggestion.</source>
        <translation>此规则只标出文字：请手动编辑，或拒绝这条建议。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Choose a suggestion of the rule first.</source>
        <translation>请先选择该规则的一条建议。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nothing to accept: no suggestion of that rule there.</source>
        <translation>没有可采纳的：那里没有该规则的建议。</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Accept %n suggestion(s) of %1 in this article?</source>
        <translation>
            <numerusform>采纳本文中“%1”的 %n 条建议？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Accept %n suggestion(s) of %1 in this issue?</source>
        <translation>
            <numerusform>采纳本期中“%1”的 %n 条建议？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Accept %n suggestion(s) of %1 in the whole library?</source>
        <translation>
            <numerusform>采纳整个文库中“%1”的 %n 条建议？</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>You can undo it in one step.</source>
        <translation>可以一步撤销。</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n suggestion(s) accepted.</source>
        <translation>
            <numerusform>已采纳 %n 条建议。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accepting suggestions…</source>
        <translation>正在采纳建议…</translation>
    </message>
</context>
<context>
    <name>TagAliasesDialog</name>
    <message>
        <location filename="../../reader/gui/tag_rules_dialog.py" line="+431"/>
        <source>Tag Aliases</source>
        <translation>标签别名</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Another name of a tag (外滩 for 外滩街道): suggestions, the tag filter and the command line find the tag by it.</source>
        <translation>标签的另一个名称（如“外滩”之于“外滩街道”）：建议、标签筛选和命令行都能凭它找到该标签。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Another name</source>
        <translation>另一个名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Choose a tag of the library.</source>
        <translation>请选择库中已有的标签。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add Alias “%1”</source>
        <translation>添加别名“%1”</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Remove Alias “%1”</source>
        <translation>删除别名“%1”</translation>
    </message>
</context>
<context>
    <name>TagBrowser</name>
    <message>
        <location filename="../../reader/gui/tag_browser.py" line="+28"/>
        <source>Filter tags…</source>
        <translation>筛选标签…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Articles</source>
        <translation>文章数</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Click: show only articles with this tag; Ctrl+click: without it; click again: undo</source>
        <translation>单击：只显示带此标签的文章；Ctrl+单击：只显示不带此标签的文章；再次单击：取消</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ctrl+click a tag to exclude it.</source>
        <translation>Ctrl+单击标签即可排除它。</translation>
    </message>
    <message numerus="yes">
        <location line="+74"/>
        <source>%1 · %2 · %n article(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Show Only Articles with It</source>
        <translation>只显示带此标签的文章</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop Filtering by It</source>
        <translation>不再按此标签筛选</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hide Articles with It</source>
        <translation>隐藏带此标签的文章</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop Hiding Articles with It</source>
        <translation>不再隐藏带此标签的文章</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Merge Into…</source>
        <translation>合并到(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind</source>
        <translation>类别(&amp;K)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Parent…</source>
        <translation>上级标签(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Colour…</source>
        <translation>颜色(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No Colour</source>
        <translation>无颜色</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Rename Tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New name of “%1”:</source>
        <translation>“%1”的新名称：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Merge Tag</source>
        <translation>合并标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge “%1” into the tag:</source>
        <translation>把“%1”合并到标签：</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Tag Parent</source>
        <translation>上级标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put “%1” under the tag:</source>
        <translation>把“%1”放到此标签之下：</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Tag Colour</source>
        <translation>标签颜色</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Delete the tag “%1”? %n article(s) will lose it.</source>
        <translation>
            <numerusform>删除标签“%1”？将有 %n 篇文章失去此标签。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the tag “%1”? No article has it.</source>
        <translation>删除标签“%1”？没有文章带有此标签。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete Tag</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Edit ▸ Undo brings it back.</source>
        <translation>可用“编辑 ▸ 撤销”恢复。</translation>
    </message>
</context>
<context>
    <name>TagChip</name>
    <message numerus="yes">
        <location filename="../../reader/gui/tag_pane.py" line="+84"/>
        <source>%1 · %2 · %n article(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Remove this tag from the article</source>
        <translation>从本文移除此标签</translation>
    </message>
</context>
<context>
    <name>TagEditor</name>
    <message>
        <location filename="../../reader/gui/tag_commands.py" line="+175"/>
        <source>Add Tag “%1”</source>
        <translation>添加标签“%1”</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Add Tag “%1” to %n Article(s)</source>
        <translation>
            <numerusform>为 %n 篇文章添加标签“%1”</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Remove Tag “%1”</source>
        <translation>移除标签“%1”</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove Tag</source>
        <translation>移除标签</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Remove Tag “%1” from %n Article(s)</source>
        <translation>
            <numerusform>从 %n 篇文章移除标签“%1”</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rename Tag to “%1”</source>
        <translation>把标签重命名为“%1”</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Merge Tag into “%1”</source>
        <translation>把标签合并到“%1”</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Delete Tag “%1”</source>
        <translation>删除标签“%1”</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Change Tag Kind</source>
        <translation>更改标签类别</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Change Tag Parent</source>
        <translation>更改上级标签</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Change Tag Colour</source>
        <translation>更改标签颜色</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Dismiss Suggestion “%1”</source>
        <translation>忽略建议“%1”</translation>
    </message>
</context>
<context>
    <name>TagFilterBar</name>
    <message>
        <location filename="../../reader/gui/tag_browser.py" line="-439"/>
        <source>All of</source>
        <translation>全部满足</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any of</source>
        <translation>满足任一</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Articles with all of these tags, or with any of them</source>
        <translation>带有这些标签全部的文章，或带有其中任一个的文章</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show every article again</source>
        <translation>重新显示所有文章</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Without this tag; click to take it off the filter</source>
        <translation>不带此标签；单击可从筛选条件中去掉</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With this tag; click to take it off the filter</source>
        <translation>带有此标签；单击可从筛选条件中去掉</translation>
    </message>
</context>
<context>
    <name>TagKinds</name>
    <message>
        <location filename="../../reader/gui/tag_models.py" line="+43"/>
        <source>Person</source>
        <translation>人物</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>TagListModel</name>
    <message numerus="yes">
        <location line="+83"/>
        <source>%1 · %2 · %n article(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n 篇文章</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagPane</name>
    <message>
        <location filename="../../reader/gui/tag_pane.py" line="+47"/>
        <source>No tags yet.</source>
        <translation>还没有标签。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add a tag… (Ctrl+T)</source>
        <translation>添加标签…(Ctrl+T)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kind of the new tag</source>
        <translation>新标签的类别</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter or Alt+1…9 adds a suggestion; Delete dismisses it</source>
        <translation>按 Enter 或 Alt+1…9 添加建议；按 Delete 忽略</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Open an article to tag it.</source>
        <translation>打开一篇文章以便为它加标签。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location line="+199"/>
        <source>Finding suggestions…</source>
        <translation>正在查找建议…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loading the dictionary…</source>
        <translation>正在载入词典…</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>“%1”: %2</source>
        <translation>“%1”：%2</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>No suggestions: %1</source>
        <translation>没有建议：%1</translation>
    </message>
    <message>
        <location line="-220"/>
        <source>Accept Tag Suggestion %1</source>
        <translation>采纳标签建议 %1</translation>
    </message>
    <message>
        <location line="+279"/>
        <source>No suggestions for this article.</source>
        <translation>本文没有建议。</translation>
    </message>
</context>
<context>
    <name>TagRulesDialog</name>
    <message>
        <location filename="../../reader/gui/tag_rules_dialog.py" line="-430"/>
        <source>Tag Rules</source>
        <translation>标签规则</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A rule tags every article that mentions a text (in any script) with a tag: now when you apply it, and every issue imported afterwards.</source>
        <translation>规则为每篇提到某段文字（任一字形）的文章加上一个标签：应用时作用于现有文章，之后导入的每一期也会自动应用。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Count the articles the rule matches</source>
        <translation>统计规则匹配的文章数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appl&amp;y</source>
        <translation>应用(&amp;Y)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tag the articles the preview counted (undo with Ctrl+Z)</source>
        <translation>为预览统计出的文章加标签（可用 Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take Tags &amp;Off</source>
        <translation>撤下标签(&amp;O)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Take the tag of the rule off every article it tagged, on import too (undo with Ctrl+Z)</source>
        <translation>从规则加过标签的每篇文章（包括导入时加的）撤下该标签（可用 Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete the rule (the tags it added stay; a tag no article or rule has goes with it)</source>
        <translation>删除规则（它加上的标签保留；没有文章或规则使用的标签随之删除）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Text the article mentions</source>
        <translation>文章提到的文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regular e&amp;xpression</source>
        <translation>正则表达式(&amp;X)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The kind of the tag, when the rule creates it</source>
        <translation>规则新建标签时，标签的类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add Rule</source>
        <translation>添加规则(&amp;A)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Mentions:</source>
        <translation>提到：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag with:</source>
        <translation>加标签：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind of a new tag:</source>
        <translation>新标签的类型(&amp;K)：</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>pattern</source>
        <translation>正则</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Give the text to look for and the tag.</source>
        <translation>请填写要查找的文字和标签。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Add Tag Rule “%1”</source>
        <translation>添加标签规则“%1”</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Matches %n article(s);</source>
        <translation>
            <numerusform>匹配 %n 篇文章；</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n would be newly tagged.</source>
        <translation>
            <numerusform>其中 %n 篇将新加标签。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <source>Apply Tag Rule to %n Article(s)</source>
        <translation>
            <numerusform>对 %n 篇文章应用标签规则</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Tagged %n article(s).</source>
        <translation>
            <numerusform>已为 %n 篇文章加标签。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Take Off the Tags of Tag Rule %1</source>
        <translation>撤下标签规则 %1 加的标签</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Took the tag off %n article(s).</source>
        <translation>
            <numerusform>已从 %n 篇文章撤下标签。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remove Tag Rule</source>
        <translation>删除标签规则</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Remove %n Tag Rule(s)</source>
        <translation>
            <numerusform>删除 %n 条标签规则</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagSuggestions</name>
    <message>
        <location filename="../../reader/gui/tag_suggestion_list.py" line="-76"/>
        <source>a tag of the library named in the article</source>
        <translation>文中提到的文库已有标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+20"/>
        <source>a tag of the library, named in the article as “%1”</source>
        <translation>文库已有标签，文中写作“%1”</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>named in the byline</source>
        <translation>署名中提到的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the article&apos;s source</source>
        <translation>文章来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a person named after “%1”</source>
        <translation>“%1”之后提到的人物</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a name ending in “%1”</source>
        <translation>以“%1”结尾的名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>set in quotation marks in the article</source>
        <translation>文中加了引号的词语</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>set in book-title marks in the article</source>
        <translation>文中加了书名号的名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a person named in the article</source>
        <translation>文中提到的人物</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a person of a list of people in the article</source>
        <translation>文中人名列表里的人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a place named in the article</source>
        <translation>文中提到的地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an organisation named in the article</source>
        <translation>文中提到的机构</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a keyword of the article</source>
        <translation>文章关键词</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a phrase that recurs across the library</source>
        <translation>文库中反复出现的词组</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a phrase of the article like those archivists tag</source>
        <translation>文中与档案员常用标签相似的词组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a phrase that recurs in the article</source>
        <translation>文中反复出现的词组</translation>
    </message>
</context>
<context>
    <name>TaggingUi</name>
    <message>
        <location filename="../../reader/gui/tag_docks.py" line="+22"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tag Browser</source>
        <translation>标签浏览器</translation>
    </message>
    <message>
        <location filename="../../reader/gui/tagging_ui.py" line="+87"/>
        <source>Updating the tag suggestions with the new articles…</source>
        <translation>正在用新导入的文章更新标签建议…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;Tag Article…</source>
        <translation>为文章加标签(&amp;T)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type a tag for the article shown</source>
        <translation>为当前显示的文章输入标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag &amp;Selected Articles…</source>
        <translation>为所选文章加标签(&amp;S)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a tag to, or remove it from, the articles selected in the library or search results</source>
        <translation>为文库或搜索结果中选中的文章添加或移除标签</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User &amp;Dictionary…</source>
        <translation>用户词典(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Words the segmenter keeps whole</source>
        <translation>分词时保持完整的词语</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag &amp;Rules…</source>
        <translation>标签规则(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag every article that mentions a text</source>
        <translation>为提到某段文字的每篇文章加标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag &amp;Aliases…</source>
        <translation>标签别名(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other names of tags, for suggestions and the tag filter</source>
        <translation>标签的其他名称，供建议和标签筛选使用</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Tags</source>
        <translation>标签(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/tag_docks.py" line="+3"/>
        <source>&amp;Tags Pane</source>
        <translation>标签面板(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag &amp;Browser</source>
        <translation>标签浏览器(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/tagging_ui.py" line="+101"/>
        <source>Select articles in the library pane or the search results first.</source>
        <translation>请先在文库面板或搜索结果中选中文章。</translation>
    </message>
</context>
<context>
    <name>TeamPresence</name>
    <message>
        <location filename="../../reader/gui/team_presence.py" line="+215"/>
        <source>Someone is editing</source>
        <translation>有人正在编辑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is editing this article. Edit it anyway?</source>
        <translation>%1 正在编辑这篇文章。仍要编辑吗？</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>%1 is editing</source>
        <translation>%1 正在编辑</translation>
    </message>
</context>
<context>
    <name>TypingJournal</name>
    <message>
        <location filename="../../reader/gui/typing_journal.py" line="+134"/>
        <source>Typing cannot be kept on disk between saves (%1: %2); it is saved at each autosave.</source>
        <translation>两次自动保存之间的输入无法暂存到磁盘（%1：%2）；每次自动保存时仍会存入文库。</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <location filename="../../reader/gui/shortcuts_sheet.py" line="-32"/>
        <location filename="../../reader/gui/undo.py" line="+60"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../reader/gui/undo.py" line="+4"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/undo.py" line="+63"/>
        <source>The library is not open yet.</source>
        <translation>文库尚未打开。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The library is open read-only: nothing can be changed.</source>
        <translation>文库以只读方式打开，不能做任何修改。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/commands/operation.py" line="+113"/>
        <location filename="../../reader/gui/commands/settings.py" line="+30"/>
        <source>Unsaved typing in the editor could not be saved first; nothing else was changed.</source>
        <translation>无法先保存编辑器中尚未保存的输入；其他内容均未改动。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/commands/revision.py" line="+42"/>
        <source>There was nothing to change.</source>
        <translation>没有需要修改的内容。</translation>
    </message>
</context>
<context>
    <name>UserDictionaryDialog</name>
    <message>
        <location filename="../../reader/gui/user_dictionary.py" line="+47"/>
        <source>User Dictionary</source>
        <translation>用户词典</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Words the segmenter keeps whole, for suggestions and the library&apos;s word counts (names, places, local terms).</source>
        <translation>分词时保持完整的词语，用于建议和文库的词频统计（人名、地名、本地用语）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New word</source>
        <translation>新词</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A removed word stays whole until Jiaokan is started again.</source>
        <translation>移除的词在校勘重新启动前仍会保持完整。</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Add Dictionary Word “%1”</source>
        <translation>添加词典词语“%1”</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Remove Dictionary Word “%1”</source>
        <translation>移除词典词语“%1”</translation>
    </message>
</context>
<context>
    <name>UserRulesDialog</name>
    <message>
        <location filename="../../reader/gui/user_rules_dialog.py" line="+28"/>
        <source>User Rules</source>
        <translation>自定义规则</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace with</source>
        <translation>替换为</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Looks at</source>
        <translation>检查范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>(regex)</source>
        <translation>（正则）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(flag only)</source>
        <translation>（只标出）</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Add Rule “%1”</source>
        <translation>添加规则“%1”</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Change Rule “%1”</source>
        <translation>更改规则“%1”</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Delete Rule “%1”</source>
        <translation>删除规则“%1”</translation>
    </message>
    <message numerus="yes">
        <location line="+45"/>
        <source>%n rule(s) exported.</source>
        <translation>
            <numerusform>已导出 %n 条规则。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The file could not be read: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file holds no list of rules.</source>
        <translation>文件中没有规则列表。</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n rule(s) imported.</source>
        <translation>
            <numerusform>已导入 %n 条规则。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export Rules</source>
        <translation>导出规则</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+18"/>
        <source>Import Rules</source>
        <translation>导入规则</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON 文件 (*.json);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../reader/gui/welcome_page.py" line="+22"/>
        <source>Welcome to Jiaokan</source>
        <translation>欢迎使用校勘</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Read and proofread OCR&apos;d Chinese community newspapers. Your library is empty: import issue files (plain text, UTF-8, GB18030 or Big5) or page scans (PDF, PNG, JPEG, TIFF, read by OCR), or open the sample issue to look around. You can also drop files and folders onto this window.</source>
        <translation>阅读并校对经 OCR 识别的中文社区报纸。文库目前是空的：请导入期次文件（纯文本，UTF-8、GB18030 或 Big5 编码）或页面扫描件（PDF、PNG、JPEG、TIFF，经 OCR 识读），或打开示例期次先看一看。也可以把文件和文件夹直接拖到本窗口。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Import Files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a Folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the Sample Issue</source>
        <translation>打开示例期次</translation>
    </message>
</context>
</TS>
