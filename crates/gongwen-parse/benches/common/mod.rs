//! Inputs shared by the parse benchmarks, all generated from the seed notice so the benchmarks
//! need nothing beyond the repository.
//!
//! - [`SEED`]: `seeds/cq-2021-19.txt` as is (29.6 KB, 86 tasks).
//! - [`seed_with_table_times`]: the seed with its task table repeated `n` times, the task numbers
//!   continued (87, 88, …) and the stated count (`86项`) updated, so the result is a consistent
//!   notice `n` times larger.
//! - [`seed_with_paragraphs_times`]: the seed with the enclosed plan's prose repeated `n` times.
//! - [`html_page`]: a text notice rendered the way a government site serves it: the paragraphs
//!   in `<p>`, the table as a `<table>` whose group rows span every column, inside a page with
//!   navigation, a metadata block, a footer and scripts.
//! - [`floor`]: the bare floor for HTML — decode, `scraper::Html::parse_document`, walk every text
//!   node — that the HTML reader is measured against.

use scraper::{Html, Node};

/// The allocator of the `gongwen` command (mimalloc), for ours and the floor alike, so the
/// numbers are the command's; `--features bench-system-allocator` measures with the system's
/// allocator instead, as a library user who keeps the default gets.
#[cfg(not(feature = "bench-system-allocator"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The seed notice.
pub const SEED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../seeds/cq-2021-19.txt"
));

fn is_row_line(l: &str) -> bool {
    l.starts_with('\t')
}

/// The seed with its task table repeated `n` times and the numbers continued.
pub fn seed_with_table_times(n: usize) -> String {
    let lines: Vec<&str> = SEED.lines().collect();
    let table_at = lines
        .iter()
        .position(|l| is_row_line(l))
        .unwrap_or(lines.len());
    // The header row: the first run of tab lines.
    let header_end = lines[table_at..]
        .iter()
        .position(|l| !is_row_line(l))
        .map_or(lines.len(), |p| table_at + p);
    let body = &lines[header_end..];
    let seq = |l: &str| {
        l.strip_prefix('\t')
            .and_then(|t| t.trim().parse::<usize>().ok())
    };
    let per_copy = body.iter().filter_map(|l| seq(l)).max().unwrap_or(0);
    let mut out = String::with_capacity(SEED.len() * n);
    for l in &lines[..header_end] {
        out.push_str(&l.replace("86项", &format!("{}项", per_copy * n)));
        out.push('\n');
    }
    for copy in 0..n {
        for l in body {
            match seq(l) {
                Some(s) => out.push_str(&format!("\t{}", s + copy * per_copy)),
                None => out.push_str(l),
            }
            out.push('\n');
        }
    }
    out
}

/// The seed with the enclosed plan's prose (from `为认真贯彻落实…` up to the attachment list)
/// repeated `n` times.
pub fn seed_with_paragraphs_times(n: usize) -> String {
    let lines: Vec<&str> = SEED.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with("为认真贯彻落实"))
        .unwrap_or(0);
    let end = lines
        .iter()
        .position(|l| l.starts_with("附件："))
        .unwrap_or(lines.len())
        .max(start);
    let mut out = String::with_capacity(SEED.len() * n);
    let mut push = |ls: &[&str]| {
        for l in ls {
            out.push_str(l);
            out.push('\n');
        }
    };
    push(&lines[..start]);
    for _ in 0..n {
        push(&lines[start..end]);
    }
    push(&lines[end..]);
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Renders a text notice as a government web page.
pub fn html_page(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut article = String::with_capacity(text.len() * 2);
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i];
        if !is_row_line(l) {
            if !l.trim().is_empty() {
                article.push_str("<p style=\"text-indent: 2em;\">");
                article.push_str(&escape(l.trim()));
                article.push_str("</p>\n");
            }
            i += 1;
            continue;
        }
        // A table: rows of tab lines separated by blank lines.
        let mut rows: Vec<Vec<&str>> = Vec::new();
        while i < lines.len() {
            if lines[i].trim().is_empty() {
                let next = lines[i..].iter().position(|l| !l.trim().is_empty());
                match next {
                    Some(p) if is_row_line(lines[i + p]) => i += p,
                    _ => break,
                }
            }
            let mut row = Vec::new();
            while i < lines.len() && is_row_line(lines[i]) {
                row.push(lines[i][1..].trim());
                i += 1;
            }
            rows.push(row);
        }
        let width = rows.iter().map(Vec::len).max().unwrap_or(1);
        article.push_str(
            "<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\" width=\"100%\">\n<tbody>\n",
        );
        for row in &rows {
            article.push_str("<tr>");
            if row.len() == 1 && width > 1 {
                article.push_str(&format!(
                    "<td colspan=\"{width}\" valign=\"center\"><p><span>{}</span></p></td>",
                    escape(row[0])
                ));
            } else {
                for c in row {
                    article.push_str("<td valign=\"center\"><p><span>");
                    article.push_str(&escape(c));
                    article.push_str("</span></p></td>");
                }
            }
            article.push_str("</tr>\n");
        }
        article.push_str("</tbody>\n</table>\n");
    }
    let nav: String = (1..=12)
        .map(|k| format!("<li><a href=\"/zwgk/col{k}/\" target=\"_blank\">栏目{k}</a></li>"))
        .collect();
    format!(
        r#"<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>重庆市人民政府关于印发重庆市服务业扩大开放综合试点工作方案的通知_重庆市人民政府网</title>
<meta name="ArticleTitle" content="重庆市人民政府关于印发重庆市服务业扩大开放综合试点工作方案的通知">
<meta name="PubDate" content="2021-08-16 10:00">
<meta name="ContentSource" content="重庆市人民政府">
<link rel="stylesheet" href="/css/common.css">
<script src="/js/jquery.min.js"></script>
<style>.header{{height:120px}} .nav li{{float:left}}</style>
</head>
<body>
<div class="header"><div class="logo"><img src="/images/logo.png" alt="重庆市人民政府"></div>
<div class="search"><form action="/search"><input type="text" name="q"><button>搜索</button></form></div></div>
<div class="nav"><ul>{nav}</ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府文件</div>
<div class="main">
<table class="zwxl-table"><tbody>
<tr><td>索引号：</td><td>11500000MB1527206E/2021-00123</td><td>主题分类：</td><td>商贸、海关、旅游</td></tr>
<tr><td>发布机构：</td><td>重庆市人民政府</td><td>成文日期：</td><td>2021-08-04</td></tr>
<tr><td>标题：</td><td colspan="3">重庆市人民政府关于印发重庆市服务业扩大开放综合试点工作方案的通知</td></tr>
<tr><td>发文字号：</td><td>渝府发〔2021〕19号</td><td>发布日期：</td><td>2021-08-16</td></tr>
</tbody></table>
<div class="zwxl-article">
<div class="view TRS_UEDITOR trs_paper_default trs_web">
{article}</div>
</div>
<div class="share">分享到：<a href="javascript:void(0)">微信</a><a href="javascript:void(0)">微博</a></div>
<div class="related"><h3>相关文件</h3><ul><li><a href="/a.html">相关文件一</a></li><li><a href="/b.html">相关文件二</a></li></ul></div>
</div>
<div class="footer"><p>主办：重庆市人民政府办公厅</p><p>版权所有：重庆市人民政府网</p><p><a href="https://beian.miit.gov.cn/">渝ICP备05003300号</a></p></div>
<script>var _hmt = _hmt || []; (function() {{ var hm = document.createElement("script"); }})();</script>
</body>
</html>
"#
    )
}

/// The same page declared and encoded as GBK, the other encoding government sites serve.
pub fn gbk_page(html: &str) -> Vec<u8> {
    let html = html.replacen("<meta charset=\"utf-8\">", "<meta charset=\"gbk\">", 1);
    encoding_rs::GBK.encode(&html).0.into_owned()
}

/// The bare floor: decode like a browser (BOM, else the declared charset, else UTF-8), build the
/// DOM with `scraper::Html::parse_document`, and walk every text node. Returns the number of
/// text bytes seen so the work cannot be optimised away.
pub fn floor(bytes: &[u8]) -> usize {
    let encoding = encoding_rs::Encoding::for_bom(bytes)
        .map(|(e, _)| e)
        .or_else(|| declared_charset(bytes))
        .unwrap_or(encoding_rs::UTF_8);
    let (text, _, _) = encoding.decode(bytes);
    let doc = Html::parse_document(&text);
    doc.tree
        .root()
        .descendants()
        .map(|n| match n.value() {
            Node::Text(t) => t.len(),
            _ => 0,
        })
        .sum()
}

/// The `charset=` in the first 1024 bytes, as a browser's prescan finds it (simplified).
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let at = head
        .windows(8)
        .position(|w| w.eq_ignore_ascii_case(b"charset="))?;
    let rest = &head[at + 8..];
    let rest = rest.strip_prefix(b"\"").unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_'))
        .unwrap_or(rest.len());
    encoding_rs::Encoding::for_label(&rest[..end])
}
