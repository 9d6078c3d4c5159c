//! Tables in text copied out of a PDF (tester L16, L03): `pdftotext -layout` rows centred on
//! their numbers after group rows, a cell whose last mark runs into the next column, and a PDF
//! viewer's one-cell-a-line copy whose cells wrap over several lines.

use gongwen_parse::{Options, parse};

/// Each task's number, text, lead and supporting units.
fn tasks(text: &str) -> Vec<(u32, String, Vec<String>, Vec<String>)> {
    let d = parse(text.as_bytes(), &Options::default()).expect("parses");
    d.tasks
        .iter()
        .map(|t| (t.seq, t.text.clone(), t.lead.clone(), t.support.clone()))
        .collect()
}

fn task(
    seq: u32,
    text: &str,
    lead: &[&str],
    support: &[&str],
) -> (u32, String, Vec<String>, Vec<String>) {
    (
        seq,
        text.to_string(),
        lead.iter().map(|s| s.to_string()).collect(),
        support.iter().map(|s| s.to_string()).collect(),
    )
}

/// `pdftotext -layout` of a table whose 序号 and unit cells a PDF centres vertically, the task
/// text filling its cell from the top, under group rows: rows of an even count of lines have one
/// line more below their number than above; a row after a group row that ended its sentence
/// starts two lines above its number.
const CENTRED: &str = r#"附件

科技创新任务分工

序号  重点任务                      牵头单位          配合单位
一、深化科技体制改革
（一）推动科技创新。
      支持高等学校和科研院所在本市                    市发展改革委、市
1     布局重大科技基础设施和重大科  市科技局          教委、市国资委
      学装置。
      深化科技成果使用权、处置权和
2     收益权改革，开展赋予科研人员  市科技局          市教委、市财政局
      职务科技成果所有权试点，探索
      形成市场化赋权制度。
3     积极推动知识产权质押贷款新模  市知识产权局、重  市科技局、人行重
      式。                          庆银保监局        庆营管部
      允许具有境外职业资格的建筑设
      计、规划等领域的境外专业人才  市住房城乡建委、
4     ，经备案后为本市企业提供专业  市人力社保局      市规划自然资源局
      服务，其境外从业经历可视同国
      内从业经历。
5     支持外商投资资信调查公司。    人行重庆营管部    市商务委
（二）推动金融开放。
      进一步支持依法开展金融科技创
      新活动，支持依法设立科技成果
6     转移转化基金、科技融资租赁公  人行重庆营管部    重庆银保监局
      司等机构，在政策允许的范围内
      探索开展适合科技型企业的个性
      化金融服务。
"#;

#[test]
fn rows_centred_on_their_numbers_after_group_rows_keep_their_lines() {
    let got = tasks(CENTRED);
    assert_eq!(
        got,
        vec![
            task(
                1,
                "支持高等学校和科研院所在本市布局重大科技基础设施和重大科学装置。",
                &["市科技局"],
                &["市发展改革委", "市教委", "市国资委"]
            ),
            task(
                2,
                "深化科技成果使用权、处置权和收益权改革，开展赋予科研人员职务科技成果所有权试点，探索形成市场化赋权制度。",
                &["市科技局"],
                &["市教委", "市财政局"]
            ),
            task(
                3,
                "积极推动知识产权质押贷款新模式。",
                &["市知识产权局", "重庆银保监局"],
                &["市科技局", "人行重庆营管部"]
            ),
            task(
                4,
                "允许具有境外职业资格的建筑设计、规划等领域的境外专业人才，经备案后为本市企业提供专业服务，其境外从业经历可视同国内从业经历。",
                &["市住房城乡建委", "市人力社保局"],
                &["市规划自然资源局"]
            ),
            task(
                5,
                "支持外商投资资信调查公司。",
                &["人行重庆营管部"],
                &["市商务委"]
            ),
            task(
                6,
                "进一步支持依法开展金融科技创新活动，支持依法设立科技成果转移转化基金、科技融资租赁公司等机构，在政策允许的范围内探索开展适合科技型企业的个性化金融服务。",
                &["人行重庆营管部"],
                &["重庆银保监局"]
            ),
        ]
    );
    let d = parse(CENTRED.as_bytes(), &Options::default()).expect("parses");
    assert_eq!(
        d.tasks[5].group,
        ["一、深化科技体制改革", "（二）推动金融开放。"]
    );
}

#[test]
fn a_cells_last_mark_run_into_the_next_column_parts_the_cells() {
    let text = [
        "附件",
        "",
        "任务分工",
        "",
        "序号  重点任务                                牵头单位            配合单位",
        "1     支持开展合格境内有限合伙人（QDLP）试点。市金融监管局、重庆  重庆证监局",
        "                                              外汇管理部",
        "2     推进企业增信担保和关税保证保险改革。    重庆海关            人行重庆营管部",
    ]
    .join("\n");
    let text = text.as_str();
    assert_eq!(
        tasks(text),
        vec![
            task(
                1,
                "支持开展合格境内有限合伙人（QDLP）试点。",
                &["市金融监管局", "重庆外汇管理部"],
                &["重庆证监局"]
            ),
            task(
                2,
                "推进企业增信担保和关税保证保险改革。",
                &["重庆海关"],
                &["人行重庆营管部"]
            ),
        ]
    );
    // A group row's heading spans the row: it is not parted at a column.
    let heading = [
        "附件",
        "",
        "任务分工",
        "",
        "序号  重点任务                                牵头单位            配合单位",
        "（一）以重庆江北嘴、解放碑、长嘉汇等为主阵地，打造金融科技创新示范区。",
        "1     推进企业增信担保和关税保证保险改革。    重庆海关            人行重庆营管部",
    ]
    .join("\n");
    let d = parse(heading.as_bytes(), &Options::default()).expect("parses");
    assert_eq!(d.tasks.len(), 1);
    assert_eq!(
        d.tasks[0].group,
        ["（一）以重庆江北嘴、解放碑、长嘉汇等为主阵地，打造金融科技创新示范区。"]
    );
}

/// A PDF viewer's copy, one cell a line, long cells wrapped onto lines of their own.
const VIEWER: &str = r#"附件

科技创新任务分工

序号
重点任务
牵头单位
配合单位
一、深化科技体制改革
1
在条件成熟时，研究支持符合条件的境外自然人投资本市区域性股权交易
市场挂牌公司。
市金融监管局
重庆证监局、重庆外汇管理部
2
依法允许展会展品提前备案，以担保方式放行，展品展后结转进入保税监
管场所或海关特殊监管区域予以核销。支持车辆展品依法留购并给予展示交
易便利。
重庆海关
市商务委
3
允许具有境外职业资格的专业人才经备案后提供专业服务。
市住房城乡建委、市人力社
保局
市规划自然资源局
4
推进监管标准规范制度建设，加快形成综合监管体系。
市市场监管局
市教委、市科技局、市规划
自然资源局、市住房城乡建
委、市城市管理局
5
对在本市从事电子信息、智能汽车、高端装备制造、关键材料、生物医药等领
域生产研发类规模以上企业认定高新技术企业时，满足从业一年以上且在中国
境内发生的研究开发费用总额占全部研究开发费用总额的比例不低于规定条件
的，实行“报备即批准”。认定为高新技术企业即可按规定享受所得税优惠等相
关政策，加强事中事后监管，对发现不符合认定标准的按有关规定进行处理。
市科技局、重庆市税务局
市财政局
6
支持普通中小学校招收外籍人士子女。
市教委
"#;

#[test]
fn a_pdf_viewers_wrapped_cells_are_joined_back() {
    assert_eq!(
        tasks(VIEWER),
        vec![
            // `市场挂牌公司。` ends the task's sentence: text, not a unit.
            task(
                1,
                "在条件成熟时，研究支持符合条件的境外自然人投资本市区域性股权交易市场挂牌公司。",
                &["市金融监管局"],
                &["重庆证监局", "重庆外汇管理部"]
            ),
            task(
                2,
                "依法允许展会展品提前备案，以担保方式放行，展品展后结转进入保税监管场所或海关特殊监管区域予以核销。支持车辆展品依法留购并给予展示交易便利。",
                &["重庆海关"],
                &["市商务委"]
            ),
            // A unit's name broken over two lines (`市人力社` / `保局`).
            task(
                3,
                "允许具有境外职业资格的专业人才经备案后提供专业服务。",
                &["市住房城乡建委", "市人力社保局"],
                &["市规划自然资源局"]
            ),
            task(
                4,
                "推进监管标准规范制度建设，加快形成综合监管体系。",
                &["市市场监管局"],
                &[
                    "市教委",
                    "市科技局",
                    "市规划自然资源局",
                    "市住房城乡建委",
                    "市城市管理局"
                ]
            ),
            // A task's text over five lines.
            task(
                5,
                "对在本市从事电子信息、智能汽车、高端装备制造、关键材料、生物医药等领域生产研发类规模以上企业认定高新技术企业时，满足从业一年以上且在中国境内发生的研究开发费用总额占全部研究开发费用总额的比例不低于规定条件的，实行“报备即批准”。认定为高新技术企业即可按规定享受所得税优惠等相关政策，加强事中事后监管，对发现不符合认定标准的按有关规定进行处理。",
                &["市科技局", "重庆市税务局"],
                &["市财政局"]
            ),
            task(6, "支持普通中小学校招收外籍人士子女。", &["市教委"], &[]),
        ]
    );
}
