//! Web archives (MHTML): a page and its images in one MIME message, as Word writes a "single
//! file web page" (`.mht`, and often saved under `.doc`) and as older government sites publish
//! notices. The notice is the archive's HTML part; its transfer encoding (quoted-printable or
//! base64) is undone here and the page is read as any other, its charset found as usual.

/// The HTML part of a web archive, decoded from its transfer encoding; `None` when `bytes` are
/// not a web archive (or not one that can be read: then they are read as what they seem to be).
pub fn html_part(bytes: &[u8]) -> Option<Vec<u8>> {
    if !looks_like_mhtml(bytes) {
        return None;
    }
    // The MIME parser is not ours to audit: should it panic on a malformed archive, the bytes
    // are read as what they seem to be instead.
    let mail = std::panic::catch_unwind(|| mailparse::parse_mail(bytes))
        .ok()?
        .ok()?;
    let mut stack = vec![&mail];
    while let Some(part) = stack.pop() {
        if part.ctype.mimetype.eq_ignore_ascii_case("text/html") {
            return std::panic::catch_unwind(|| part.get_body_raw()).ok()?.ok();
        }
        // Depth first, in order.
        stack.extend(part.subparts.iter().rev());
    }
    None
}

/// A MIME message whose head declares a multipart or HTML body: it starts with header lines
/// (`MIME-Version: 1.0`, `Content-Type: multipart/related; …`), and says so in its first 4 KB.
fn looks_like_mhtml(bytes: &[u8]) -> bool {
    // The first line is a header (`Name:`): every other input is told by its first bytes.
    let name = bytes
        .iter()
        .take(64)
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
        .count();
    if name == 0 || bytes.get(name) != Some(&b':') {
        return false;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let lower = head.to_ascii_lowercase();
    let has = |w: &[u8]| memchr::memmem::find(&lower, w).is_some();
    has(b"mime-version:") && (has(b"multipart/related") || has(b"text/html"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_html_part_is_found_and_its_transfer_encoding_undone() {
        let mht = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"XX\"\r\n\r\n\
            preamble\r\n--XX\r\nContent-Transfer-Encoding: quoted-printable\r\n\
            Content-Type: text/html; charset=\"utf-8\"\r\n\r\n<p>a=3Db =\r\nc</p>\r\n\
            --XX\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0=\r\n--XX--\r\n";
        assert_eq!(
            html_part(mht.as_bytes()).as_deref(),
            Some(&b"<p>a=b c</p>"[..])
        );
        let b64 = "MIME-Version: 1.0\nContent-Type: multipart/related; boundary=B\n\n--B\n\
            Content-Type: text/html\nContent-Transfer-Encoding: base64\n\nPHA+5LiA5LqMPC9wPg==\n--B--\n";
        assert_eq!(
            html_part(b64.as_bytes()).as_deref(),
            Some("<p>一二</p>".as_bytes())
        );
    }

    #[test]
    fn other_text_is_no_web_archive() {
        for t in [
            "某市人民政府关于某事的通知\nMIME-Version: 1.0\n",
            "<html><body>multipart/related</body></html>",
            "发文字号: 某府发〔2023〕1号\n",
        ] {
            assert_eq!(html_part(t.as_bytes()), None, "{t}");
        }
    }
}
