import Testing
@testable import VNPlanTables

@Suite struct ColumnRoleTests {
    /// Header wordings met in real plans (seeds, realdocs, legal-vn.txt) and the role each names.
    @Test(arguments: [
        ("STT", ColumnRole.number), ("TT", .number), ("Số TT", .number), ("Thứ tự các bước", .number),
        ("Mục tiêu", .objective), ("Nhiệm vụ", .task), ("Nhiệm vụ thực hiện", .task),
        ("Hoạt động", .activity), ("Nội dung", .activity), ("Nội dung công việc", .activity),
        ("Nội dung nhiệm vụ", .activity), ("Kết quả/Sản phẩm", .outputs), ("Sản phẩm hoàn thành", .outputs),
        ("Kết quả công việc", .outputs), ("Chủ trì", .lead), ("Cơ quan chủ trì", .lead),
        ("Đơn vị chủ trì thực hiện", .lead), ("Người thực hiện", .lead), ("Phối hợp", .support),
        ("Cơ quan phối hợp", .support), ("Đơn vị phối hợp", .support),
        ("Cơ quan, đơn vị\n thực hiện", .responsible), ("Đơn vị/cá nhân thực hiện", .responsible),
        ("Trách nhiệm thực hiện", .responsible), ("Thời gian", .deadline), ("Thời gian\nthực hiện", .deadline),
        ("Thời hạn hoàn thành", .deadline), ("Tiến độ", .deadline), ("Kinh phí", .funding),
        ("Nguồn kinh phí", .funding), ("Ghi chú", .note), ("Chỉ tiêu", .indicator),
        ("Đơn vị tính", .unit), ("Chỉ tiêu năm 2024", .target), ("Chủ trì đánh giá", .evaluator),
    ])
    func headerWordingNamesItsRole(header: String, role: ColumnRole) {
        #expect(ColumnRole(header: header) == role)
    }

    @Test(arguments: ["", "Nơi nhận:", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "(1)", "Hoàng Văn Thuân"])
    func otherTextNamesNoRole(text: String) {
        #expect(ColumnRole(header: text) == nil)
    }
}
