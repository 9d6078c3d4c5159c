fn main() {
    let p = std::env::args().nth(1).unwrap();
    let b = std::fs::read(p).unwrap();
    let d = gongwen_parse::parse(&b, &Default::default()).unwrap();
    println!("{}", serde_json::to_string_pretty(&d).unwrap());
}
