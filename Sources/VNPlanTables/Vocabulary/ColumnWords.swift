/// How plan tables word their column headers, folded (`HeaderText.fold`: lowercase, no
/// diacritics), for `ColumnRole(header:)`. The seeds alone use a dozen wordings for the
/// same roles.
enum ColumnWords {
    /// Ordered: an earlier entry wins ("chủ trì đánh giá" before "chủ trì").
    static let headers: [(role: ColumnRole, phrases: [String])] = [
        (.evaluator, [" danh gia", " tham dinh"]),
        (.support, [" phoi hop"]),
        (.lead, [" chu tri", " don vi chiu trach nhiem", " nguoi thuc hien", " can bo thuc hien",
                 " nguoi phu trach", " phu trach"]),
        (.unit, [" don vi tinh", " dvt "]),
        (.responsible, [" co quan", " don vi", " bo phan", " trach nhiem"]),
        (.number, [" stt ", " tt ", " so tt ", " so thu tu ", " thu tu"]),
        (.target, [" chi tieu nam", " muc tieu nam", " ke hoach nam", " gia tri"]),
        (.indicator, [" chi tieu ", " ten chi tieu", " noi dung chi tieu"]),
        (.outputs, [" ket qua", " san pham", " hinh thuc van ban"]),
        (.deadline, [" thoi gian", " thoi han", " tien do", " thoi diem", " hoan thanh"]),
        (.funding, [" kinh phi", " nguon von", " du toan"]),
        (.note, [" ghi chu"]),
        (.objective, [" muc tieu", " muc dich"]),
        (.activity, [" hoat dong", " noi dung", " cong viec", " giai phap", " ten nhiem vu chi tiet"]),
        (.task, [" nhiem vu", " linh vuc"]),
    ]

    /// A column after the deadline whose cells mostly say where the money comes from.
    nonisolated(unsafe) static let funding = /kinh phí|ngân sách|nguồn vốn|nguồn/
    /// An indicator table's bare "Đơn vị" header is the unit of measure.
    static let bareUnit = "don vi"
}
