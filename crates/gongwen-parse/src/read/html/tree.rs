//! Parsing the page into scraper's tree without paying for the depth cap on ordinary pages.
//!
//! The tree builder's cost is quadratic in the nesting depth, which is why [`super::flatten`]
//! can remove tags past [`crate::Limits::max_depth`] before parsing. That scan reads the whole
//! page a second time, and on the pages the reader is for (a few dozen levels deep) it never
//! removes anything. So the page is first parsed as it is, by html5ever's tokenizer and tree
//! builder with a tree sink of our own that builds scraper's tree and watches two things:
//!
//! - the depth of every element it attaches (its parent's depth plus one);
//! - how many times the tree builder asks for an element's name, which is what its scope
//!   searches through the stack of open elements do: the work that grows with the depth.
//!
//! Between the tokenizer and the tree builder stands a gate ([`Gate`]) that looks at the watch
//! after every tag. When an element lands deeper than the limit, or the name lookups outgrow a
//! generous multiple of the tags read so far, it pauses the tokenizer (the pause a browser takes
//! to run a script), the partial tree is dropped, and the page takes the old road:
//! [`super::flatten::cap_depth`], then a parse of the capped source. So the result is what it
//! was before for pages that go past the limit, and a page within the limit is parsed once, in
//! one piece, into the same tree as [`Html::parse_document`] builds.
//!
//! The same sink notes where each text node's first visible character stands in the source: the
//! tree builder tells it the tokenizer's line before every token, and a run of text arrives
//! with the line where it ends, so the line of its first visible character is that line less
//! the line breaks after it. The sink notes the line and where the run ends in the node's text
//! ([`Note`]); the line breaks are counted only for the text nodes that start a block, when the
//! block asks ([`Lines`]). scraper itself keeps no positions.

use super::flatten;
use ego_tree::{NodeId, NodeMut, Tree};
use html5ever::buffer_queue::BufferQueue;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};
use html5ever::tree_builder::{
    ElementFlags, NodeOrText, QuirksMode, TreeBuilder, TreeBuilderOpts, TreeSink,
};
use html5ever::{Attribute, QualName, TokenizerResult, expanded_name, local_name, ns};
use scraper::node::Text;
use scraper::{Html, Node};
use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

/// Name lookups allowed per tag, and before any: an ordinary page asks about 6 per tag (each
/// tag searches a stack a dozen or two deep), a page 200 levels deep about 200; a page that
/// makes the tree builder search a stack thousands deep on every tag asks thousands.
const LOOKUPS_PER_TAG: u64 = 512;
const LOOKUPS_BASE: u64 = 1 << 20;

/// The largest piece of a page handed to the tokenizer at once (tendrils hold up to 4 GiB).
const PIECE: usize = 1 << 30;

/// The page parsed, and the capped source when the cap had to be applied (the tree was built
/// from it, so it is the text the blocks must be located in).
pub(super) struct Parsed {
    pub html: Html,
    pub capped: Option<String>,
    /// Whether a tag's attributes past [`MAX_ATTRIBUTES`] were left out.
    pub attributes_capped: bool,
    pub notes: Notes,
}

/// What the sink noted of text nodes while parsing, sorted by node: see [`Note`].
pub(super) struct Notes(Vec<Note>);

/// Where a text node's first visible character stands, as the sink noted it while parsing: the
/// tokenizer's line at the end of the piece of text that held it (the first piece of the node
/// that was not all white space), and where that piece ends in the node's text. The line of the
/// character is that line less the line breaks between it and the end of the piece, counted
/// when (and only if) a block asks for it.
#[derive(Clone, Copy)]
struct Note {
    node: NodeId,
    line: u32,
    end: u32,
}

impl Notes {
    fn new(mut notes: Vec<Note>) -> Self {
        // Nearly sorted already (text nodes are numbered as they are made); a node noted twice
        // keeps its first note.
        notes.sort_by_key(|n| n.node);
        notes.dedup_by_key(|n| n.node);
        Notes(notes)
    }

    fn empty() -> Self {
        Notes(Vec::new())
    }

    /// The lines of the text nodes of `tree`, the tree these notes were taken on.
    pub(super) fn lines(self, tree: &Tree<Node>) -> Lines<'_> {
        Lines {
            notes: self.0,
            tree,
            last: 1,
        }
    }
}

/// Source lines of text nodes: the line of each one's first visible character.
pub(super) struct Lines<'a> {
    notes: Vec<Note>,
    tree: &'a Tree<Node>,
    /// The last line looked up (1 before any).
    last: usize,
}

impl Lines<'_> {
    /// How many text nodes have visible text: no more blocks than that can come from the page.
    pub(super) fn visible_texts(&self) -> usize {
        self.notes.len()
    }

    /// The line of `node`'s first visible character; for a node without one, or none, the
    /// line of the last block found.
    pub(super) fn of(&mut self, node: Option<NodeId>) -> usize {
        if let Some(node) = node
            && let Ok(i) = self.notes.binary_search_by(|n| n.node.cmp(&node))
            && let Some(note) = self.notes.get(i)
            && let Some(Node::Text(t)) = self.tree.get(node).map(|n| n.value())
        {
            let piece = t.get(..note.end as usize).unwrap_or(t);
            if let Some(line) = first_visible_line(piece, u64::from(note.line)) {
                self.last = line as usize;
            }
        }
        self.last
    }

    /// The line of the last block found (1 before the first).
    pub(super) fn last(&self) -> usize {
        self.last
    }
}

/// The most attributes of one tag that are read (see [`flatten::cap_attributes`]).
pub(super) const MAX_ATTRIBUTES: usize = 256;

/// Pages shorter than this are not searched for tags of more than [`MAX_ATTRIBUTES`]: what
/// attributes they can hold (some 30,000 of a few bytes) are read in a fraction of a second.
const ATTRIBUTES_SCAN_FROM: usize = 128 * 1024;

/// Parses `text`, applying the depth cap only when the page needs it; `Err` with the number of
/// elements made when the page makes more than `max_elements` ([`crate::Limits::max_blocks`]).
pub(super) fn parse(text: &str, max_depth: usize, max_elements: usize) -> Result<Parsed, usize> {
    let fewer = if text.len() >= ATTRIBUTES_SCAN_FROM {
        flatten::cap_attributes(text, MAX_ATTRIBUTES)
    } else {
        None
    };
    let attributes_capped = fewer.is_some();
    let text = fewer.as_deref().unwrap_or(text);
    match parse_watched(text, Some(max_depth), max_elements) {
        Ok((html, notes, _)) => {
            return Ok(Parsed {
                html,
                capped: None,
                attributes_capped,
                notes,
            });
        }
        Err(Stopped {
            elements,
            too_many: true,
        }) => return Err(elements),
        Err(_) => {}
    }
    let capped = flatten::cap_depth(text, max_depth);
    let source = capped.as_deref().unwrap_or(text);
    // The cap leaves the tree within a few times the limit: parse it unwatched.
    let (html, notes, _) = match parse_watched(source, None, max_elements) {
        Ok(parsed) => parsed,
        Err(Stopped {
            elements,
            too_many: true,
        }) => return Err(elements),
        Err(_) => (Html::parse_document(source), Notes::empty(), 0),
    };
    Ok(Parsed {
        html,
        capped,
        attributes_capped,
        notes,
    })
}

/// A parse abandoned by the gate, and how many elements it had made (which the tests read to
/// see where it stopped).
#[derive(Debug)]
struct Stopped {
    elements: usize,
    /// Stopped for making more elements than allowed, not for depth or search.
    too_many: bool,
}

/// The tree, its text lines and the number of elements made; or [`Stopped`] when the page went
/// past `max_depth` or made the tree builder search too much (with `None` for `max_depth`,
/// never), or made more than `max_elements` elements.
fn parse_watched(
    text: &str,
    max_depth: Option<usize>,
    max_elements: usize,
) -> Result<(Html, Notes, usize), Stopped> {
    parse_in_pieces(text, max_depth, max_elements, PIECE)
}

/// [`parse_watched`], handing the tokenizer the page in pieces of at most `piece` bytes.
fn parse_in_pieces(
    text: &str,
    max_depth: Option<usize>,
    max_elements: usize,
    piece: usize,
) -> Result<(Html, Notes, usize), Stopped> {
    // The cap counts levels below `<body>`; the sink counts from the document (`<html>` is 1,
    // `<body>` 2).
    let limit = max_depth.map(|d| d.saturating_add(2));
    let gate = Gate::new(
        TreeBuilder::new(Sink::new(text), TreeBuilderOpts::default()),
        limit,
        max_elements,
    );
    let tokenizer = Tokenizer::new(gate, TokenizerOpts::default());
    let input = BufferQueue::default();
    // In one piece (a tendril holds at most 4 GiB: a larger page, which a raised input limit lets
    // through, goes in pieces of 1 GiB).
    let mut rest = text;
    while !rest.is_empty() {
        let (piece, after) = rest.split_at(crate::normalize::head_within(rest, piece.max(4)).len());
        input.push_back(StrTendril::from_slice(piece));
        rest = after;
    }
    // The tokenizer pauses after a `</script>` (for a browser to run it) and when the gate
    // closes; only the gate ends the parse early.
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {
        if tokenizer.sink.tripped.get() {
            let elements = tokenizer.sink.builder.sink.elements.get();
            let too_many = elements > max_elements;
            return Err(Stopped { elements, too_many });
        }
    }
    // The end of input can still append text (a character reference or table text the parser
    // held back): the notes are taken after it.
    tokenizer.end();
    let built = tokenizer.sink.builder.sink.finish();
    if built.elements > max_elements {
        let elements = built.elements;
        return Err(Stopped {
            elements,
            too_many: true,
        });
    }
    if limit.is_some_and(|limit| built.deepest > limit) {
        let elements = built.elements;
        return Err(Stopped {
            elements,
            too_many: false,
        });
    }
    Ok((built.html, Notes::new(built.texts), built.elements))
}

/// The line of the first visible character of a run of text that the tokenizer emitted while
/// on `line` (the line where the run ends), or `None` when the run is all white space.
fn first_visible_line(text: &str, line: u64) -> Option<u32> {
    let at = first_visible(text)?;
    let rest = text.as_bytes().get(at..).unwrap_or_default();
    let after = memchr::memchr_iter(b'\n', rest).count();
    let line = line.saturating_sub(after as u64).max(1);
    Some(u32::try_from(line).unwrap_or(u32::MAX))
}

/// Where the first character that is not white space starts (ASCII looked at byte by byte, as
/// `is_ascii_whitespace` has it).
fn first_visible(text: &str) -> Option<usize> {
    super::dom::first_not_space(text, |c| c.is_ascii_whitespace())
}

/// Stands between the tokenizer and the tree builder, to stop the parse as soon as the tree
/// goes past the depth limit, has more elements than allowed, or the tree builder has searched
/// too much: after such a tag it tells the tokenizer to pause (as for a script), and the parse
/// is abandoned.
struct Gate {
    builder: TreeBuilder<NodeId, Sink>,
    /// The deepest an element may be (`usize::MAX`: not watched).
    limit: usize,
    /// The most elements the tree may have.
    max_elements: usize,
    /// The name lookups allowed so far: [`LOOKUPS_BASE`], and [`LOOKUPS_PER_TAG`] more for
    /// every tag (`u64::MAX`: not watched).
    budget: Cell<u64>,
    tripped: Cell<bool>,
}

impl Gate {
    fn new(builder: TreeBuilder<NodeId, Sink>, limit: Option<usize>, max_elements: usize) -> Self {
        Gate {
            builder,
            limit: limit.unwrap_or(usize::MAX),
            max_elements,
            budget: Cell::new(if limit.is_some() {
                LOOKUPS_BASE
            } else {
                u64::MAX
            }),
            tripped: Cell::new(false),
        }
    }

    /// Pauses the tokenizer for good.
    #[cold]
    #[inline(never)]
    fn trip(&self) -> TokenSinkResult<NodeId> {
        self.tripped.set(true);
        TokenSinkResult::Script(self.builder.sink.get_document())
    }
}

impl TokenSink for Gate {
    type Handle = NodeId;

    #[inline(always)]
    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<NodeId> {
        // Only a tag may pause the tokenizer (it insists that other tokens continue), and
        // only tags make the tree deeper. The check is a few loads and compares on the hot
        // path (an unwatched parse passes it with the limits at their maximum); tripping is
        // out of line.
        let tag = matches!(token, Token::TagToken(_));
        let result = self.builder.process_token(token, line);
        if tag {
            let budget = self.budget.get().saturating_add(LOOKUPS_PER_TAG);
            self.budget.set(budget);
            let sink = &self.builder.sink;
            if sink.deepest.get() > self.limit
                || sink.lookups.get() > budget
                || sink.elements.get() > self.max_elements
            {
                return self.trip();
            }
        }
        result
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// What the sink hands over when the parse ends.
struct Built {
    html: Html,
    deepest: usize,
    elements: usize,
    /// Where text nodes' first visible characters stand, in the order noted.
    texts: Vec<Note>,
}

/// The tree being built, and what a name lookup answers for a node that is not an element.
struct Nodes {
    tree: Tree<Node>,
    no_name: QualName,
}

/// The tree sink: builds scraper's tree (the same tree, node for node, as
/// [`Html::parse_document`]) and, as it goes, notes the depth of each element attached, the name
/// lookups, and the lines of text nodes. Parse errors are not kept: nothing reads them.
struct Sink {
    nodes: RefCell<Nodes>,
    quirks: Cell<QuirksMode>,
    deepest: Cell<usize>,
    elements: Cell<usize>,
    lookups: Cell<u64>,
    /// The tokenizer's line, as the tree builder last told it.
    line: Cell<u64>,
    /// Where text nodes' first visible characters stand, in the order noted.
    texts: RefCell<Vec<Note>>,
    /// The text node whose line was noted last.
    last_text: Cell<Option<NodeId>>,
    /// Two nodes whose depths are known: the last parent appended to, and its new child.
    recent: Cell<[Option<(NodeId, usize)>; 2]>,
    /// The `<sup>` elements made, whose figures [`superscript_figures`] writes raised.
    sups: RefCell<Vec<NodeId>>,
}

impl Sink {
    /// A sink for `text`: the tree's storage is sized once, instead of doubled and copied as it
    /// fills (a few hundred kilobytes on a long page), for 3/2 as many nodes as `text` has `<`:
    /// about half of them open an element, and a text node (often only a line break) lies
    /// between most two tags, which gives 1.2–1.3 nodes a `<` on the State Council's pages and
    /// the generated ones. Storage reserved and never filled is never touched either.
    fn new(text: &str) -> Self {
        let nodes = memchr::memchr_iter(b'<', text.as_bytes()).count();
        Sink {
            nodes: RefCell::new(Nodes {
                tree: Tree::with_capacity(
                    Node::Document,
                    nodes.saturating_add(nodes / 2).saturating_add(16),
                ),
                no_name: QualName::new(None, ns!(), local_name!("")),
            }),
            quirks: Cell::new(QuirksMode::NoQuirks),
            deepest: Cell::new(0),
            elements: Cell::new(0),
            lookups: Cell::new(0),
            line: Cell::new(1),
            texts: RefCell::new(Vec::new()),
            last_text: Cell::new(None),
            recent: Cell::new([None, None]),
            sups: RefCell::new(Vec::new()),
        }
    }

    /// Depth of a node in the tree as it stands (the document is 0, `<html>` 1): its number of
    /// ancestors. Walking up costs the depth, which the watch keeps small or gives up.
    fn depth_of(&self, tree: &Tree<Node>, node: NodeId) -> usize {
        // Most elements go into the element made just before, or beside it.
        for &(n, d) in self.recent.get().iter().flatten() {
            if n == node {
                return d;
            }
        }
        tree.get(node).map_or(0, |n| n.ancestors().count())
    }

    fn note_depth(&self, depth: usize) {
        if depth > self.deepest.get() {
            self.deepest.set(depth);
        }
    }

    /// Notes where the text node `node` that just received `text` (ending at byte `end` of the
    /// node's text) has its first visible character, unless it was noted already or `text` is
    /// all white space.
    fn note_text(&self, node: NodeId, text: &str, end: usize) {
        if self.last_text.get() != Some(node) && first_visible(text).is_some() {
            self.note(node, end);
        }
    }

    /// Notes that the first visible character of `node` is in the piece of its text that ends
    /// at byte `end`, on the tokenizer's current line.
    fn note(&self, node: NodeId, end: usize) {
        self.texts.borrow_mut().push(Note {
            node,
            line: u32::try_from(self.line.get()).unwrap_or(u32::MAX),
            end: u32::try_from(end).unwrap_or(u32::MAX),
        });
        self.last_text.set(Some(node));
    }

    /// Notes text the tree builder placed: joined to a text node (`joined`: the node and its new
    /// length, from [`join_text`]) or, failing that, put into a new text node by `insert`.
    fn place_text(
        &self,
        joined: Option<(NodeId, usize)>,
        text: StrTendril,
        insert: impl FnOnce(Node) -> NodeId,
    ) {
        match joined {
            Some((node, end)) => self.note_text(node, &text, end),
            None => {
                let (visible, end) = (first_visible(&text).is_some(), text.len());
                let node = insert(Node::Text(Text { text }));
                if visible {
                    self.note(node, end);
                }
            }
        }
    }

    /// Puts `child` at the end of `parent`'s children, joining text to a last text child.
    fn append_to(&self, nodes: &mut Nodes, parent: NodeId, child: NodeOrText<NodeId>) {
        match child {
            NodeOrText::AppendNode(node) => {
                let depth = self.depth_of(&nodes.tree, parent);
                self.note_depth(depth + 1);
                if let Some(mut p) = nodes.tree.get_mut(parent) {
                    p.append_id(node);
                }
                self.recent
                    .set([Some((parent, depth)), Some((node, depth + 1))]);
            }
            NodeOrText::AppendText(text) => {
                let Some(mut p) = nodes.tree.get_mut(parent) else {
                    return;
                };
                let joined = join_text(p.last_child(), &text);
                self.place_text(joined, text, |t| p.append(t).id());
            }
        }
    }
}

/// Writes the figures a `<sup>` holds, and nothing else (one to three of them), as the raised
/// figures they print (`省教育厅<sup>1</sup>` → `省教育厅¹`, `m<sup>2</sup>` → `m²`,
/// `10<sup>4</sup>` → `10⁴`; see [`crate::read::docx::raised_figures`]): read as text, they ran
/// into the word before them — a note mark became part of a unit's name (`省教育厅1`), a power
/// a number of its own (`104`). Only the `<sup>` elements the sink made (`sups`) are looked at.
fn superscript_figures(tree: &mut Tree<Node>, sups: &[NodeId]) {
    for &sup in sups {
        let Some(child) = tree.get(sup).and_then(|n| n.first_child()) else {
            continue;
        };
        if child.next_sibling().is_some() {
            continue;
        }
        let Node::Text(t) = child.value() else {
            continue;
        };
        // The source's white space around them shows as a space at most.
        let figures = t.trim_matches(|c: char| c.is_ascii_whitespace());
        let Some(raised) = crate::read::docx::raised_figures(figures) else {
            continue;
        };
        let id = child.id();
        if let Some(mut node) = tree.get_mut(id) {
            *node.value() = Node::Text(Text {
                text: StrTendril::from(raised),
            });
        }
    }
}

/// Adds `text` to `neighbour` (the last child or previous sibling the tree builder joins text to)
/// when that is a text node, as scraper's sink does: the node and its new length.
fn join_text(neighbour: Option<NodeMut<'_, Node>>, text: &StrTendril) -> Option<(NodeId, usize)> {
    let mut n = neighbour?;
    let id = n.id();
    match n.value() {
        Node::Text(t) => {
            t.text.push_tendril(text);
            Some((id, t.text.len()))
        }
        _ => None,
    }
}

/// The name lookups answer from the tree, through its borrow.
type Name<'a> = Ref<'a, QualName>;

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Built;
    type ElemName<'a> = Name<'a>;

    fn finish(self) -> Built {
        let mut html = Html::new_document();
        html.tree = self.nodes.into_inner().tree;
        superscript_figures(&mut html.tree, &self.sups.into_inner());
        html.quirks_mode = self.quirks.get();
        Built {
            html,
            deepest: self.deepest.get(),
            elements: self.elements.get(),
            texts: self.texts.into_inner(),
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        self.nodes.borrow().tree.root().id()
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Name<'a> {
        self.lookups.set(self.lookups.get() + 1);
        Ref::map(self.nodes.borrow(), |n| {
            match n.tree.get(*target).map(|t| t.value()) {
                Some(Node::Element(e)) => &e.name,
                // The tree builder asks only about elements.
                _ => &n.no_name,
            }
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> NodeId {
        self.elements.set(self.elements.get() + 1);
        // A template's contents are a fragment, kept (as scraper keeps them) as its first child.
        let template = name.expanded() == expanded_name!(html "template");
        let sup = name.expanded() == expanded_name!(html "sup");
        let mut nodes = self.nodes.borrow_mut();
        let mut node = nodes
            .tree
            .orphan(Node::Element(scraper::node::Element::new(name, attrs)));
        if template {
            node.append(Node::Fragment);
        }
        if sup {
            self.sups.borrow_mut().push(node.id());
        }
        node.id()
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        let comment = scraper::node::Comment { comment: text };
        self.nodes
            .borrow_mut()
            .tree
            .orphan(Node::Comment(comment))
            .id()
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        let pi = scraper::node::ProcessingInstruction { target, data };
        self.nodes
            .borrow_mut()
            .tree
            .orphan(Node::ProcessingInstruction(pi))
            .id()
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.append_to(&mut self.nodes.borrow_mut(), *parent, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self
            .nodes
            .borrow()
            .tree
            .get(*element)
            .is_some_and(|n| n.parent().is_some());
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        let doctype = scraper::node::Doctype {
            name,
            public_id,
            system_id,
        };
        self.nodes
            .borrow_mut()
            .tree
            .root_mut()
            .append(Node::Doctype(doctype));
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        let nodes = self.nodes.borrow();
        nodes
            .tree
            .get(*target)
            .and_then(|t| t.first_child())
            .map_or(*target, |c| c.id())
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.quirks.set(mode);
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let mut nodes = self.nodes.borrow_mut();
        if let NodeOrText::AppendNode(node) = new_node {
            // The node may come from elsewhere (the adoption agency moves nodes): detached
            // first, and the remembered depths forgotten.
            if let Some(mut n) = nodes.tree.get_mut(node) {
                n.detach();
            }
            self.recent.set([None, None]);
            let depth = self.depth_of(&nodes.tree, *sibling);
            self.note_depth(depth);
        }
        let Some(mut s) = nodes.tree.get_mut(*sibling) else {
            return;
        };
        if s.parent().is_none() {
            return;
        }
        match new_node {
            NodeOrText::AppendNode(node) => {
                s.insert_id_before(node);
            }
            NodeOrText::AppendText(text) => {
                let joined = join_text(s.prev_sibling(), &text);
                self.place_text(joined, text, |t| s.insert_before(t).id());
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        let Some(mut node) = nodes.tree.get_mut(*target) else {
            return;
        };
        let Node::Element(e) = node.value() else {
            return;
        };
        // scraper keeps an element's attributes sorted by name.
        for a in attrs {
            if let Err(at) = e.attrs.binary_search_by(|(name, _)| name.cmp(&a.name)) {
                e.attrs.insert(at, (a.name, a.value));
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.recent.set([None, None]);
        if let Some(mut n) = self.nodes.borrow_mut().tree.get_mut(*target) {
            n.detach();
        }
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        // Depths are read off the tree when something is attached, so the moved children
        // count at their new depth from then on; the adoption agency's repeated use also shows
        // as name lookups.
        self.recent.set([None, None]);
        if let Some(mut p) = self.nodes.borrow_mut().tree.get_mut(*new_parent) {
            p.reparent_from_id_append(*node);
        }
    }

    fn set_current_line(&self, line_number: u64) {
        self.line.set(line_number);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_visible_is_the_first_character_not_white_space() {
        // ASCII white space as `is_ascii_whitespace` has it (no vertical tab), any other as
        // `char::is_whitespace` has it.
        let reference = |t: &str| {
            t.char_indices()
                .find(|&(_, c)| !(c.is_ascii_whitespace() || (!c.is_ascii() && c.is_whitespace())))
                .map(|(i, _)| i)
        };
        for c in (0..=0xFFFFu32).filter_map(char::from_u32) {
            for t in [
                c.to_string(),
                format!("\n \u{3000}{c}x"),
                format!("\u{a0}{c}"),
            ] {
                assert_eq!(first_visible(&t), reference(&t), "{t:?}");
            }
        }
    }

    /// The tree as a string: every node, its depth, and text.
    fn dump(html: &Html) -> String {
        let mut out = String::new();
        let mut depth = 0usize;
        for edge in html.tree.root().traverse() {
            match edge {
                ego_tree::iter::Edge::Open(n) => {
                    depth += 1;
                    out.push_str(&format!("{depth}:{:?}\n", n.value()));
                }
                ego_tree::iter::Edge::Close(_) => depth -= 1,
            }
        }
        out
    }

    fn pages() -> Vec<String> {
        let mut pages: Vec<String> = [
            "<!DOCTYPE html><html><head><title>t</title><meta charset=utf-8></head><body><div id=a class='b c'><p>甲&amp;乙&#x4e00;<br>丙\r\n丁</p><table><tr><td>1<td>2</table></div></body></html>",
            "<p>a<b>b<p>c</b>d<i>e</p>f",
            "<table><div>foster</div><tr><td>x</td></tr></table><template><p>in template</p></template>",
            "<svg><path/><foreignObject><div>x</div></foreignObject></svg><math><mi>1</mi></math>",
            "<select><option>a<option>b</select><textarea>\n<b>raw</b></textarea><script>if (a<b) {}</script>",
            "<a href=x>1<a href=y>2</a><form><div></form></div><!-- c --><!--> <?pi?>",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        pages.push(format!(
            "<html><body>{}</body></html>",
            "<div><span>某某&nbsp;文字</span></div>\r\n".repeat(50)
        ));
        pages
    }

    #[test]
    fn the_sink_builds_the_tree_scraper_builds() {
        for page in pages() {
            let whole = dump(&Html::parse_document(&page));
            let parsed = parse(&page, 256, usize::MAX).expect("within the element limit");
            assert!(parsed.capped.is_none(), "{page}: capped");
            assert_eq!(dump(&parsed.html), whole, "{page}");
        }
    }

    #[test]
    fn a_page_handed_over_in_pieces_is_the_page_parsed_whole() {
        for page in pages() {
            let whole = dump(&Html::parse_document(&page));
            for piece in [4, 5, 7, 64] {
                let (html, _, _) =
                    parse_in_pieces(&page, Some(256), usize::MAX, piece).expect("parsed");
                assert_eq!(dump(&html), whole, "{page} in pieces of {piece}");
            }
        }
    }

    #[test]
    fn the_gate_stops_the_parse_at_the_tag_that_goes_too_deep() {
        // 100,000 nested elements; the limit is 64 (66 counted from the document). The parse
        // stops right after the 67th level is attached, not at the end of the page.
        let page = format!("<html><body>{}x", "<div>".repeat(100_000));
        let made = match parse_watched(&page, Some(64), usize::MAX) {
            Err(Stopped { elements, .. }) => elements,
            Ok(_) => panic!("a page past the limit was parsed whole"),
        };
        assert!((67..=70).contains(&made), "{made} elements made");
        // Unwatched, the same parse goes to the end.
        assert!(parse_watched(&"<div>".repeat(500), None, usize::MAX).is_ok());
    }

    #[test]
    fn the_gate_stops_a_parse_that_searches_too_much() {
        // Within a depth limit set out of reach, 5,000 nested elements make the tree builder
        // search a stack thousands deep on every tag: the name lookups outgrow their budget.
        let deep = "<div>".repeat(5000);
        assert!(parse_watched(&deep, Some(1_000_000), usize::MAX).is_err());
        // 200 levels ask about 200 per tag, under the budget's 512.
        let page = format!("{}x{}", "<div>".repeat(200), "<p>y</p>".repeat(5000));
        assert!(parse_watched(&page, Some(1_000_000), usize::MAX).is_ok());
    }

    #[test]
    fn pages_past_the_limit_take_the_cap() {
        // Shallow pages are not touched, even when the cap would be cheap to apply.
        assert!(
            parse("<div><div><p>x</p></div></div>", 8, usize::MAX)
                .expect("few elements")
                .capped
                .is_none()
        );
        // Deep by plain nesting, by misnested formatting, and inside template contents.
        for page in [
            "<div>".repeat(5000),
            "<b><div></b>".repeat(5000),
            "<template>".repeat(5000),
            format!("<svg>{}", "<g>".repeat(5000)),
        ] {
            let parsed = parse(&page, 64, usize::MAX).expect("within the element limit");
            let capped = parsed.capped.expect("capped");
            assert!(capped.len() < page.len(), "tags were removed");
        }
    }

    #[test]
    fn a_piece_of_text_takes_the_line_of_its_first_visible_character() {
        // The tokenizer reports the line where a piece ends.
        assert_eq!(first_visible_line("\n  甲乙", 5), Some(5));
        assert_eq!(first_visible_line("甲\n乙", 5), Some(4));
        assert_eq!(first_visible_line("\u{3000}甲\n\n乙\n", 10), Some(7));
        assert_eq!(
            first_visible_line(&format!("甲{}", "\n".repeat(300)), 301),
            Some(1)
        );
        assert_eq!(first_visible_line("  \n\n\u{a0}", 3), None);
        assert_eq!(first_visible_line("", 3), None);
    }

    #[test]
    fn the_watch_sees_the_depth_scraper_builds() {
        // The limit counts levels below `<body>`, as the cap does: 30 nested divs are within a
        // limit of 30 and parsed as they are; one level more than the limit takes the cap.
        let page = format!("<html><body>{}x", "<div>".repeat(30));
        assert!(
            parse(&page, 30, usize::MAX)
                .expect("within the element limit")
                .capped
                .is_none()
        );
        assert!(
            parse(&page, 29, usize::MAX)
                .expect("within the element limit")
                .capped
                .is_some()
        );
    }
}
