<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../reader/gui/actions.py" line="+30" />
        <source>&amp;Import Files…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Import issue files (.txt) into the library</source>
        <translation>把报纸期次文件(.txt)导入文库</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Import &amp;Folder…</source>
        <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Import every .txt file of a folder and its subfolders</source>
        <translation>导入文件夹及其子文件夹中的所有 .txt 文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open the &amp;Sample Issue</source>
        <translation>打开示例期次(&amp;S)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Search every article of the library</source>
        <translation>在文库的所有文章中搜索</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Filter the Library</source>
        <translation>筛选文库(&amp;L)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Next Script</source>
        <translation>切换简繁(&amp;N)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Show the text in the next script</source>
        <translation>切换到下一种简繁显示</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Follow the &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location line="+17" />
        <source>&amp;Next Article</source>
        <translation>下一篇(&amp;N)</translation>
    </message>
    <message>
        <location line="+11" />
        <source>&amp;Previous Article</source>
        <translation>上一篇(&amp;P)</translation>
    </message>
    <message>
        <location line="+10" />
        <source>&amp;Issue Page</source>
        <translation>期次页面(&amp;I)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show the page of the current article's issue</source>
        <translation>显示当前文章所在期次的页面</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;About Jiaokan</source>
        <translation>关于校勘(&amp;A)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../../reader/gui/import_flow.py" line="+57" />
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Looking for issue files…</source>
        <translation>正在查找期次文件…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Cancelling after the current file…</source>
        <translation>当前文件导入完成后取消…</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Importing file %1 of %2:
%3</source>
        <translation>正在导入第 %1 个文件,共 %2 个:
%3</translation>
    </message>
    <message>
        <location line="+30" />
        <source>Import Failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The import stopped with an error; files imported before it are kept.

%1</source>
        <translation>导入因错误而中止;此前已导入的文件会保留。

%1</translation>
    </message>
</context>
<context>
    <name>ImportReasons</name>
    <message>
        <location filename="../../reader/gui/import_summary.py" line="+70" />
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the file is empty apart from its byte-order mark</source>
        <translation>文件除字节顺序标记(BOM)外没有内容</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the file contains only whitespace</source>
        <translation>文件只含空白字符</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the file looks binary, not text</source>
        <translation>文件看起来是二进制文件,不是文本</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the file is UTF-32, which is not supported; convert it to UTF-8 first</source>
        <translation>文件是 UTF-32 编码,不受支持;请先转换为 UTF-8</translation>
    </message>
    <message>
        <location line="+3" />
        <source>the encoding is ambiguous (it decodes as %1); convert it to UTF-8 first</source>
        <translation>无法确定编码(可按 %1 解码);请先转换为 UTF-8</translation>
    </message>
    <message>
        <location line="+3" />
        <source>the file decodes in none of the supported encodings (UTF-8, GB18030, Big5)</source>
        <translation>文件不符合任何受支持的编码(UTF-8、GB18030、Big5)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>the file does not look like text in any supported encoding</source>
        <translation>按任何受支持的编码解读,文件都不像文本</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the file is too large (%1 bytes)</source>
        <translation>文件过大(%1 字节)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the file starts with a %1 byte-order mark but is not valid %1</source>
        <translation>文件以 %1 字节顺序标记开头,但内容不是有效的 %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>no such file or folder</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <location line="+1" />
        <source>cannot read the file: it is not a regular file</source>
        <translation>无法读取:不是普通文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>cannot read it: %1</source>
        <translation>无法读取:%1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>could not be stored: %1</source>
        <translation>无法存入文库:%1</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message numerus="yes">
        <location line="+16" />
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n 篇文章</numerusform>
            </translation>
    </message>
    <message>
        <location line="+3" />
        <source>already in the library as issue %1</source>
        <translation>文库中已有(期次 %1)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>already in the library</source>
        <translation>文库中已有</translation>
    </message>
    <message>
        <location line="+2" />
        <source>not imported: the import was cancelled</source>
        <translation>未导入:导入已取消</translation>
    </message>
    <message numerus="yes">
        <location line="+7" />
        <source>%n file(s) imported</source>
        <translation>
            <numerusform>已导入 %n 个文件</numerusform>
            </translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n skipped as duplicate(s)</source>
        <translation>
            <numerusform>%n 个重复而跳过</numerusform>
            </translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n refused</source>
        <translation>
            <numerusform>%n 个被拒绝</numerusform>
            </translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>%n not imported (cancelled)</source>
        <translation>
            <numerusform>%n 个未导入(已取消)</numerusform>
            </translation>
    </message>
    <message>
        <location line="+4" />
        <source>, </source>
        <translation>,</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <location line="+9" />
        <source>Import Finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location line="+12" />
        <source>The import was cancelled: the files listed as imported are complete; the others left nothing behind.</source>
        <translation>导入已取消:列为“已导入”的文件完整无缺;其余文件没有留下任何内容。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Skipped as duplicate</source>
        <translation>重复,已跳过</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Not imported (cancelled)</source>
        <translation>未导入(已取消)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../reader/gui/labels.py" line="+13" />
        <source>New</source>
        <translation>未校</translation>
    </message>
    <message>
        <location line="+1" />
        <source>In progress</source>
        <translation>校对中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Proofread</source>
        <translation>已校对</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Approved</source>
        <translation>已审定</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Masthead</source>
        <translation>报头</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Layout</source>
        <translation>版面元素</translation>
    </message>
    <message>
        <location line="+1" />
        <source>QR code blurb</source>
        <translation>二维码说明</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Section label</source>
        <translation>栏目标签</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../../reader/gui/library_model.py" line="+285" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message numerus="yes">
        <location line="+22" />
        <source>%1
File: %2
%n article(s)</source>
        <translation>
            <numerusform>%1
文件:%2
%n 篇文章</numerusform>
            </translation>
    </message>
    <message numerus="yes">
        <location line="+14" />
        <source>%1 of %n article(s) proofread or approved</source>
        <translation>
            <numerusform>%n 篇文章中 %1 篇已校对或已审定</numerusform>
            </translation>
    </message>
    <message>
        <location line="+20" />
        <source>(untitled)</source>
        <translation>(无标题)</translation>
    </message>
    <message numerus="yes">
        <location line="+18" />
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n 个标签</numerusform>
            </translation>
    </message>
</context>
<context>
    <name>LibraryPane</name>
    <message>
        <location filename="../../reader/gui/library_pane.py" line="+68" />
        <source>Filter by title…</source>
        <translation>按标题筛选…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Show only articles with this status</source>
        <translation>只显示此状态的文章</translation>
    </message>
    <message numerus="yes">
        <location line="+100" />
        <source>%n issue(s) match</source>
        <translation>
            <numerusform>%n 期符合</numerusform>
            </translation>
    </message>
    <message>
        <location line="+0" />
        <source>Nothing matches the filter</source>
        <translation>没有符合筛选条件的内容</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/gui/main_window.py" line="+140" />
        <location line="+401" />
        <location line="+10" />
        <location line="+3" />
        <source>Jiaokan 校勘</source>
        <translation>校勘</translation>
    </message>
    <message>
        <location line="-385" />
        <source>Library</source>
        <translation>文库</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Opening the library…</source>
        <translation>正在打开文库…</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Script</source>
        <translation>简繁显示(&amp;S)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Theme</source>
        <translation>外观(&amp;T)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Library Pane</source>
        <translation>文库面板(&amp;L)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>S&amp;earch Pane</source>
        <translation>搜索面板(&amp;E)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Main Toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Script:</source>
        <translation>简繁:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Script the text is shown in (Ctrl+Shift+T: next script)</source>
        <translation>正文的简繁显示(Ctrl+Shift+T:切换到下一种)</translation>
    </message>
    <message>
        <location line="+108" />
        <source>Choose an article in the library</source>
        <translation>请在文库中选择一篇文章</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Expand an issue on the left to list its articles; Ctrl+F searches every article.</source>
        <translation>展开左侧的期次即可列出其中的文章;按 Ctrl+F 可搜索所有文章。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The library could not be opened</source>
        <translation>无法打开文库</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Cannot Open the Library</source>
        <translation>无法打开文库</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The library %1 could not be opened:

%2</source>
        <translation>无法打开文库 %1:

%2</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Issue %1</source>
        <translation>期次 %1</translation>
    </message>
    <message>
        <location line="+14" />
        <source>That article is no longer in the library.</source>
        <translation>文库中已没有这篇文章。</translation>
    </message>
    <message>
        <location line="+71" />
        <source>This is the last article.</source>
        <translation>已经是最后一篇。</translation>
    </message>
    <message>
        <location line="+0" />
        <source>This is the first article.</source>
        <translation>已经是第一篇。</translation>
    </message>
    <message>
        <location line="+37" />
        <source>Script: %1</source>
        <translation>简繁:%1</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The new language is used from the next start of Jiaokan.</source>
        <translation>新的界面语言将在下次启动校勘时生效。</translation>
    </message>
    <message numerus="yes">
        <location line="+12" />
        <source>%n issue(s)</source>
        <translation>
            <numerusform>%n 期</numerusform>
            </translation>
    </message>
    <message numerus="yes">
        <location line="+0" />
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n 篇文章</numerusform>
            </translation>
    </message>
    <message>
        <location line="+12" />
        <source>(untitled)</source>
        <translation>(无标题)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>article %1 of %2</source>
        <translation>第 %1 篇,共 %2 篇</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Import Issue Files</source>
        <translation>导入期次文件</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Import a Folder of Issue Files</source>
        <translation>导入期次文件所在的文件夹</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The library is not open yet.</source>
        <translation>文库尚未打开。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>An import is already running.</source>
        <translation>已有一项导入正在进行。</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Opening the sample issue…</source>
        <translation>正在打开示例期次…</translation>
    </message>
    <message>
        <location line="+30" />
        <source>&lt;h3&gt;Jiaokan 校勘 %1&lt;/h3&gt;&lt;p&gt;A reader and proofreading workbench for OCR'd Chinese community newspapers.&lt;/p&gt;&lt;p&gt;Library: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;校勘 Jiaokan %1&lt;/h3&gt;&lt;p&gt;OCR 识别的中文社区报纸阅读与校对工作台。&lt;/p&gt;&lt;p&gt;文库:%2&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7" />
        <source>About Jiaokan</source>
        <translation>关于校勘</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Something Went Wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A background task failed (%1):

%2</source>
        <translation>后台任务失败(%1):

%2</translation>
    </message>
</context>
<context>
    <name>Reading</name>
    <message>
        <location filename="../../reader/gui/reading_document.py" line="+286" />
        <source>Issue</source>
        <translation>期次</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Source file</source>
        <translation>源文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Imported at</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Characters</source>
        <translation>字数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Articles</source>
        <translation>文章数</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Publication</source>
        <translation>报名</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Date</source>
        <translation>出版日期</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Blocks outside any article</source>
        <translation>不属于任何文章的内容</translation>
    </message>
    <message>
        <location line="+11" />
        <source>None: every block belongs to an article.</source>
        <translation>无:所有内容都属于某篇文章。</translation>
    </message>
</context>
<context>
    <name>Scripts</name>
    <message>
        <location filename="../../reader/gui/scripts.py" line="+15" />
        <source>Original</source>
        <translation>原文</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Simplified 简体</source>
        <translation>简体</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Traditional 繁體</source>
        <translation>繁體</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Taiwan 繁體(台灣)</source>
        <translation>繁體(台灣)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hong Kong 繁體(香港)</source>
        <translation>繁體(香港)</translation>
    </message>
</context>
<context>
    <name>SearchPane</name>
    <message>
        <location filename="../../reader/gui/search_pane.py" line="+62" />
        <source>Search the library…</source>
        <translation>搜索文库…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>All issues</source>
        <translation>所有期次</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Current issue</source>
        <translation>当前期次</translation>
    </message>
    <message>
        <location line="+3" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+80" />
        <source>Open an issue to search in it.</source>
        <translation>请先打开一个期次,再在其中搜索。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location line="+13" />
        <source>The search failed: %1</source>
        <translation>搜索失败:%1</translation>
    </message>
    <message>
        <location line="+13" />
        <source>No article contains “%1”.</source>
        <translation>没有文章包含“%1”。</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>The first %n results, newest first</source>
        <translation>
            <numerusform>前 %n 条结果,最新的在前</numerusform>
            </translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n article(s) found, newest first</source>
        <translation>
            <numerusform>找到 %n 篇文章,最新的在前</numerusform>
            </translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../reader/gui/search_results.py" line="+76" />
        <source>(untitled)</source>
        <translation>(无标题)</translation>
    </message>
</context>
<context>
    <name>TagKinds</name>
    <message>
        <location filename="../../reader/gui/tag_models.py" line="+39" />
        <source>Person</source>
        <translation>人物</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>TagListModel</name>
    <message numerus="yes">
        <location line="+73" />
        <source>%1 · %2 · %n article(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n 篇文章</numerusform>
            </translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../reader/gui/welcome_page.py" line="+22" />
        <source>Welcome to Jiaokan</source>
        <translation>欢迎使用校勘</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Read and proofread OCR'd Chinese community newspapers. Your library is empty: import issue files (plain text, UTF-8, GB18030 or Big5), or open the sample issue to look around. You can also drop files and folders onto this window.</source>
        <translation>阅读并校对经 OCR 识别的中文社区报纸。文库目前是空的:请导入期次文件(纯文本,UTF-8、GB18030 或 Big5 编码),或打开示例期次先看一看。也可以把文件和文件夹直接拖到本窗口。</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Import Files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Import a Folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open the Sample Issue</source>
        <translation>打开示例期次</translation>
    </message>
</context>
</TS>
