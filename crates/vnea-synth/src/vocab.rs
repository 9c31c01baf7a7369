//! Realistic Vietnamese vocabulary for generated titles, owners and descriptions.
//!
//! All text is in precomposed (NFC) form. Slugs are identifier fragments with Vietnamese letters.

/// Ministries (level `ministry`).
pub(crate) const MINISTRIES: &[&str] = &[
    "Bộ Y tế",
    "Bộ Tư pháp",
    "Bộ Tài nguyên và Môi trường",
    "Bộ Giáo dục và Đào tạo",
    "Bộ Xây dựng",
    "Bộ Giao thông vận tải",
    "Bộ Nông nghiệp và Phát triển nông thôn",
    "Bộ Công Thương",
    "Bộ Lao động - Thương binh và Xã hội",
    "Bộ Văn hóa, Thể thao và Du lịch",
];

/// Provinces and centrally-run cities (level `province`).
pub(crate) const PROVINCES: &[&str] = &[
    "Tỉnh Quảng Ninh",
    "Tỉnh Bắc Ninh",
    "Thành phố Đà Nẵng",
    "Tỉnh Thừa Thiên Huế",
    "Tỉnh Đồng Nai",
    "Tỉnh Lào Cai",
    "Tỉnh Nghệ An",
    "Tỉnh Cà Mau",
    "Thành phố Cần Thơ",
    "Tỉnh Lâm Đồng",
];

pub(crate) const MINISTRY_UNITS: &[&str] = &[
    "Văn phòng Bộ",
    "Vụ Kế hoạch - Tài chính",
    "Vụ Tổ chức cán bộ",
    "Thanh tra Bộ",
    "Cục Công nghệ thông tin",
    "Trung tâm Thông tin",
    "Vụ Pháp chế",
    "Cục Quản lý chuyên ngành",
    "Tổng cục Thống kê chuyên ngành",
    "Vụ Hợp tác quốc tế",
];

pub(crate) const PROVINCE_UNITS: &[&str] = &[
    "Văn phòng UBND tỉnh",
    "Sở Thông tin và Truyền thông",
    "Sở Tài nguyên và Môi trường",
    "Sở Xây dựng",
    "Sở Y tế",
    "Sở Giáo dục và Đào tạo",
    "Sở Tư pháp",
    "Sở Kế hoạch và Đầu tư",
    "Sở Tài chính",
    "Trung tâm Phục vụ hành chính công",
];

/// (title, slug, BRM node) of public services.
pub(crate) const SERVICES: &[(&str, &str, &str)] = &[
    (
        "Cấp giấy phép xây dựng",
        "cấp_phép_xây_dựng",
        "dich_vu_cong",
    ),
    ("Đăng ký khai sinh", "khai_sinh", "dich_vu_cong"),
    ("Đăng ký kết hôn", "kết_hôn", "dich_vu_cong"),
    (
        "Cấp phiếu lý lịch tư pháp",
        "lý_lịch_tư_pháp",
        "dich_vu_cong",
    ),
    (
        "Cấp giấy chứng nhận quyền sử dụng đất",
        "sổ_đỏ",
        "dich_vu_cong",
    ),
    (
        "Đăng ký thành lập doanh nghiệp",
        "thành_lập_dn",
        "dich_vu_cong",
    ),
    (
        "Cấp đổi giấy phép lái xe",
        "giấy_phép_lái_xe",
        "dich_vu_cong",
    ),
    ("Đăng ký biến động đất đai", "biến_động_đất", "dich_vu_cong"),
    (
        "Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh",
        "chứng_chỉ_hành_nghề",
        "dich_vu_cong",
    ),
    (
        "Cấp giấy phép kinh doanh rượu",
        "kinh_doanh_rượu",
        "dich_vu_cong",
    ),
    (
        "Thẩm định thiết kế cơ sở",
        "thẩm_định",
        "quan_ly_chuyen_nganh",
    ),
    (
        "Cấp giấy phép môi trường",
        "giấy_phép_môi_trường",
        "dich_vu_cong",
    ),
    ("Đăng ký hộ kinh doanh", "hộ_kinh_doanh", "dich_vu_cong"),
    (
        "Cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
        "an_toàn_thực_phẩm",
        "dich_vu_cong",
    ),
    (
        "Giải quyết hưởng trợ cấp thất nghiệp",
        "trợ_cấp_thất_nghiệp",
        "dich_vu_cong",
    ),
    (
        "Cấp giấy phép lao động cho người nước ngoài",
        "giấy_phép_lao_động",
        "dich_vu_cong",
    ),
    ("Đăng ký thường trú", "thường_trú", "dich_vu_cong"),
    (
        "Cấp giấy phép khai thác tài nguyên nước",
        "tài_nguyên_nước",
        "dich_vu_cong",
    ),
    (
        "Cấp giấy phép hoạt động giáo dục",
        "hoạt_động_giáo_dục",
        "dich_vu_cong",
    ),
    (
        "Chứng thực bản sao từ bản chính",
        "chứng_thực",
        "dich_vu_cong",
    ),
    (
        "Giải quyết khiếu nại lần đầu",
        "khiếu_nại",
        "quan_ly_chuyen_nganh",
    ),
    (
        "Đăng ký giao dịch bảo đảm",
        "giao_dịch_bảo_đảm",
        "dich_vu_cong",
    ),
    (
        "Cấp giấy chứng nhận đăng ký đầu tư",
        "đăng_ký_đầu_tư",
        "dich_vu_cong",
    ),
    ("Cấp giấy phép quảng cáo", "quảng_cáo", "dich_vu_cong"),
    (
        "Cấp mã số đơn vị có quan hệ với ngân sách",
        "mã_ngân_sách",
        "ho_tro",
    ),
    ("Cấp phép tổ chức lễ hội", "lễ_hội", "dich_vu_cong"),
];

/// (title, slug, BRM node) of business processes.
pub(crate) const PROCESSES: &[(&str, &str, &str)] = &[
    (
        "Quản lý văn bản và điều hành",
        "văn_bản",
        "chi_dao_dieu_hanh",
    ),
    (
        "Tiếp nhận và xử lý phản ánh, kiến nghị",
        "phản_ánh",
        "chi_dao_dieu_hanh",
    ),
    ("Quản lý hồ sơ cán bộ, công chức", "hồ_sơ_cán_bộ", "ho_tro"),
    (
        "Lập và theo dõi kế hoạch đầu tư công",
        "đầu_tư_công",
        "quan_ly_chuyen_nganh",
    ),
    ("Quản lý tài sản công", "tài_sản_công", "ho_tro"),
    (
        "Thanh tra, kiểm tra chuyên ngành",
        "thanh_tra",
        "quan_ly_chuyen_nganh",
    ),
    (
        "Tổng hợp báo cáo kinh tế - xã hội",
        "báo_cáo",
        "chi_dao_dieu_hanh",
    ),
    ("Quản lý thi đua, khen thưởng", "thi_đua", "ho_tro"),
    ("Quản lý ngân sách và kế toán", "ngân_sách", "ho_tro"),
    (
        "Giám sát, đánh giá đầu tư",
        "giám_sát_đầu_tư",
        "quan_ly_chuyen_nganh",
    ),
    (
        "Quản lý quy hoạch sử dụng đất",
        "quy_hoạch_đất",
        "quan_ly_chuyen_nganh",
    ),
    ("Quản lý hồ sơ lưu trữ", "lưu_trữ", "ho_tro"),
    (
        "Chỉ đạo, điều hành của lãnh đạo",
        "điều_hành",
        "chi_dao_dieu_hanh",
    ),
    ("Tiếp công dân", "tiếp_dân", "chi_dao_dieu_hanh"),
    (
        "Quản lý phòng, chống thiên tai",
        "thiên_tai",
        "quan_ly_chuyen_nganh",
    ),
    (
        "Theo dõi thi hành pháp luật",
        "thi_hành_pháp_luật",
        "quan_ly_chuyen_nganh",
    ),
    (
        "Quản lý hoạt động khám bệnh, chữa bệnh",
        "khám_chữa_bệnh",
        "quan_ly_chuyen_nganh",
    ),
    (
        "Quản lý giá và thị trường",
        "giá_thị_trường",
        "quan_ly_chuyen_nganh",
    ),
];

/// Titles of sub-processes.
pub(crate) const SUBPROCESSES: &[&str] = &[
    "Tiếp nhận hồ sơ",
    "Thẩm định, phê duyệt",
    "Trình ký và ban hành",
    "Lưu trữ kết quả",
    "Tổng hợp, báo cáo",
];

/// (title, slug, ARM node, scope) of applications.
pub(crate) const APPLICATIONS: &[(&str, &str, &str, &str)] = &[
    (
        "Hệ thống thông tin giải quyết thủ tục hành chính",
        "một_cửa",
        "dung_chung",
        "shared",
    ),
    (
        "Cổng dịch vụ công",
        "cổng_dvc",
        "phuc_vu_nguoi_dan",
        "shared",
    ),
    (
        "Cổng thông tin điện tử",
        "cổng_ttđt",
        "phuc_vu_nguoi_dan",
        "shared",
    ),
    (
        "Hệ thống quản lý văn bản và điều hành",
        "văn_bản",
        "dung_chung",
        "shared",
    ),
    (
        "Hệ thống thư điện tử công vụ",
        "thư_công_vụ",
        "dung_chung",
        "internal",
    ),
    (
        "Hệ thống họp trực tuyến",
        "họp_trực_tuyến",
        "noi_bo",
        "internal",
    ),
    (
        "Hệ thống thông tin báo cáo",
        "báo_cáo",
        "dung_chung",
        "shared",
    ),
    (
        "Hệ thống quản lý hồ sơ cán bộ",
        "hồ_sơ_cán_bộ",
        "noi_bo",
        "internal",
    ),
    (
        "Phần mềm quản lý tài sản công",
        "tài_sản",
        "noi_bo",
        "internal",
    ),
    (
        "Hệ thống thông tin đất đai",
        "đất_đai",
        "chuyen_nganh",
        "specialized",
    ),
    (
        "Hệ thống quản lý cấp phép xây dựng",
        "cấp_phép",
        "chuyen_nganh",
        "specialized",
    ),
    (
        "Hệ thống thông tin y tế cơ sở",
        "y_tế",
        "chuyen_nganh",
        "specialized",
    ),
    (
        "Hệ thống quản lý giáo dục",
        "giáo_dục",
        "chuyen_nganh",
        "specialized",
    ),
    (
        "Hệ thống tiếp nhận phản ánh, kiến nghị",
        "phản_ánh",
        "phuc_vu_nguoi_dan",
        "shared",
    ),
    (
        "Hệ thống giám sát, điều hành thông minh",
        "ioc",
        "ha_tang_thong_tin",
        "shared",
    ),
    (
        "Hệ thống quản lý tài chính - kế toán",
        "kế_toán",
        "noi_bo",
        "internal",
    ),
    (
        "Ứng dụng di động công dân",
        "app_công_dân",
        "phuc_vu_nguoi_dan",
        "shared",
    ),
    (
        "Hệ thống quản lý thanh tra",
        "thanh_tra",
        "chuyen_nganh",
        "specialized",
    ),
    (
        "Hệ thống lưu trữ hồ sơ điện tử",
        "lưu_trữ",
        "noi_bo",
        "internal",
    ),
    (
        "Hệ thống quan trắc môi trường tự động",
        "quan_trắc",
        "dieu_khien_cong_nghiep",
        "specialized",
    ),
    ("Hệ thống thông tin khác", "khác", "khac", "internal"),
];

/// Titles of sub-systems (phân hệ).
pub(crate) const SUBSYSTEMS: &[&str] = &[
    "Phân hệ tiếp nhận hồ sơ",
    "Phân hệ xử lý hồ sơ",
    "Phân hệ trả kết quả",
    "Phân hệ thanh toán trực tuyến",
    "Phân hệ báo cáo thống kê",
    "Phân hệ quản trị hệ thống",
    "Phân hệ tra cứu",
    "Phân hệ ký số",
    "Phân hệ đánh giá mức độ hài lòng",
];

/// (title, slug, DRM node, type) of databases.
pub(crate) const DATABASES: &[(&str, &str, &str, &str)] = &[
    (
        "CSDL chuyên ngành đất đai",
        "đất_đai",
        "xa_hoi.ha_tang_dan_dung",
        "specialized",
    ),
    ("CSDL hộ tịch điện tử", "hộ_tịch", "xa_hoi", "specialized"),
    (
        "CSDL cán bộ, công chức, viên chức",
        "cán_bộ",
        "xa_hoi",
        "internal",
    ),
    ("CSDL thủ tục hành chính", "thủ_tục", "xa_hoi", "shared"),
    (
        "CSDL văn bản quy phạm pháp luật",
        "văn_bản",
        "xa_hoi",
        "open",
    ),
    (
        "CSDL doanh nghiệp trên địa bàn",
        "doanh_nghiệp",
        "kinh_te.ho_tro_doanh_nghiep",
        "shared",
    ),
    (
        "CSDL giá đất",
        "giá_đất",
        "kinh_te.quan_ly_kinh_te",
        "specialized",
    ),
    (
        "CSDL tài nguyên nước",
        "tài_nguyên_nước",
        "xa_hoi.ha_tang_dan_dung",
        "specialized",
    ),
    (
        "CSDL quy hoạch xây dựng",
        "quy_hoạch",
        "xa_hoi.ha_tang_dan_dung",
        "specialized",
    ),
    (
        "CSDL giáo dục và đào tạo",
        "giáo_dục",
        "xa_hoi",
        "specialized",
    ),
    ("CSDL y tế", "y_tế", "xa_hoi", "specialized"),
    (
        "CSDL người có công",
        "người_có_công",
        "xa_hoi",
        "specialized",
    ),
    ("CSDL hồ sơ một cửa", "một_cửa", "xa_hoi", "shared"),
    ("Kho dữ liệu dùng chung", "kho_dữ_liệu", "kinh_te", "shared"),
    ("CSDL dữ liệu mở", "dữ_liệu_mở", "kinh_te", "open"),
    (
        "CSDL xuất nhập khẩu",
        "xuất_nhập_khẩu",
        "kinh_te.thuong_mai",
        "specialized",
    ),
    (
        "CSDL giao thông vận tải",
        "giao_thông",
        "xa_hoi.ha_tang_dan_dung",
        "specialized",
    ),
    (
        "CSDL công chứng, chứng thực",
        "chứng_thực",
        "xa_hoi",
        "specialized",
    ),
];

/// (title, type, ARM node) of non-LGSP platforms.
pub(crate) const PLATFORMS: &[(&str, &str, &str)] = &[
    (
        "Hệ thống xác thực tập trung (SSO)",
        "identity",
        "dung_chung",
    ),
    ("Nền tảng thanh toán trực tuyến", "payment", "dung_chung"),
    (
        "Nền tảng gửi tin nhắn, thông báo",
        "messaging",
        "dung_chung",
    ),
    ("Nền tảng bản đồ số (GIS)", "other", "dung_chung"),
    ("Nền tảng phân tích dữ liệu", "other", "ha_tang_thong_tin"),
];

/// (title, type, TRM node) of top-level infrastructure.
pub(crate) const INFRASTRUCTURE: &[(&str, &str, &str)] = &[
    ("Trung tâm dữ liệu", "datacenter", "trung_tam_du_lieu"),
    (
        "Trung tâm dữ liệu dự phòng",
        "datacenter",
        "trung_tam_du_lieu",
    ),
    ("Hạ tầng điện toán đám mây", "cloud", "dien_toan_dam_may"),
    ("Cụm máy chủ ứng dụng", "server", "thiet_bi"),
    (
        "Thiết bị đầu cuối tại bộ phận một cửa",
        "endpoint",
        "thiet_bi",
    ),
    ("Hệ thống sao lưu dự phòng", "other", "thiet_bi"),
];

/// (title, type) of infrastructure nested inside a data centre.
pub(crate) const RACKS: &[(&str, &str)] = &[
    ("Cụm máy chủ ảo hóa", "server"),
    ("Hệ thống lưu trữ SAN", "other"),
    ("Cụm máy chủ cơ sở dữ liệu", "server"),
];

/// (title, type) of networks.
pub(crate) const NETWORKS: &[(&str, &str)] = &[
    ("Mạng truyền số liệu chuyên dùng cấp II", "dedicated"),
    ("Mạng nội bộ (LAN) trụ sở", "lan"),
    ("Mạng diện rộng (WAN)", "wan"),
    ("Kết nối Internet tập trung", "internet"),
];

/// (title, SRM node) of security controls.
pub(crate) const CONTROLS: &[(&str, &str)] = &[
    ("Giám sát an toàn thông tin tập trung (SOC)", "giam_sat"),
    ("Xác định cấp độ an toàn hệ thống thông tin", "cap_do"),
    ("Đội ứng cứu sự cố tại chỗ", "luc_luong_tai_cho"),
    (
        "Kiểm tra, đánh giá an toàn thông tin định kỳ",
        "kiem_tra_danh_gia",
    ),
    (
        "Kết nối hệ thống giám sát quốc gia",
        "ket_noi_giam_sat_quoc_gia",
    ),
    ("Quy chế bảo đảm an toàn thông tin", "yeu_cau_quan_ly"),
    ("Tường lửa ứng dụng web (WAF)", "yeu_cau_ky_thuat"),
    ("Sao lưu, phục hồi dữ liệu", "yeu_cau_ky_thuat"),
    ("Phòng, chống mã độc tập trung", "yeu_cau_ky_thuat"),
    (
        "Đào tạo, nâng cao nhận thức an toàn thông tin",
        "yeu_cau_quan_ly",
    ),
];

/// (title, slug, type) of actors.
pub(crate) const ACTORS: &[(&str, &str, &str)] = &[
    ("Người dân", "người_dân", "citizen"),
    ("Doanh nghiệp", "doanh_nghiệp", "business"),
    ("Cán bộ, công chức", "cán_bộ", "official"),
    ("Cơ quan nhà nước", "cơ_quan", "agency"),
    ("Tổ chức nước ngoài", "tổ_chức_nn", "external"),
    ("Hộ kinh doanh", "hộ_kd", "business"),
    ("Viên chức", "viên_chức", "official"),
    ("Người nước ngoài", "người_nn", "external"),
];

/// (title, type) of channels.
pub(crate) const CHANNELS: &[(&str, &str)] = &[
    ("Cổng dịch vụ công", "public_service_portal"),
    ("Cổng thông tin điện tử", "portal"),
    ("Ứng dụng di động", "mobile_app"),
    (
        "Bộ phận tiếp nhận và trả kết quả (một cửa)",
        "one_stop_shop",
    ),
    ("Ki-ốt tra cứu thông tin", "kiosk"),
    ("Tổng đài hỗ trợ 1022", "call_center"),
    ("Thư điện tử", "email"),
    ("Trang mạng xã hội chính thức", "social"),
];

pub(crate) const PRINCIPLES: &[&str] = &[
    "Lấy người dân, doanh nghiệp làm trung tâm",
    "Bảo đảm an toàn, an ninh thông tin",
    "Chia sẻ, tái sử dụng dữ liệu",
    "Người dân chỉ cung cấp thông tin một lần",
    "Ưu tiên sử dụng điện toán đám mây",
    "Tuân thủ Khung Kiến trúc Chính phủ điện tử Việt Nam",
    "Sử dụng công nghệ mở, trung lập",
    "Kết nối liên thông qua nền tảng tích hợp",
    "Tiết kiệm, hiệu quả, tránh đầu tư trùng lặp",
    "Bảo đảm tính sẵn sàng và khả năng mở rộng",
];

pub(crate) const PROJECTS: &[&str] = &[
    "Nâng cấp LGSP",
    "Xây dựng CSDL chuyên ngành",
    "Triển khai Trung tâm giám sát, điều hành thông minh",
    "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
    "Nâng cấp Trung tâm dữ liệu",
    "Triển khai hệ thống họp trực tuyến",
    "Đào tạo kỹ năng số cho cán bộ",
    "Xây dựng kho dữ liệu dùng chung",
    "Triển khai chữ ký số chuyên dùng",
    "Chuyển đổi hạ tầng lên điện toán đám mây",
    "Bảo đảm an toàn thông tin theo mô hình \"4 lớp\"",
    "Tích hợp dịch vụ công với Cổng Dịch vụ công quốc gia",
];

/// Labels of relations to national components: (target id, label, exchanged database if any).
pub(crate) const NATIONAL_LINKS: &[(&str, &str, bool)] = &[
    ("national.dan_cu", "Xác thực thông tin công dân", true),
    ("national.dat_dai", "Khai thác dữ liệu đất đai", true),
    (
        "national.dang_ky_doanh_nghiep",
        "Tra cứu thông tin doanh nghiệp",
        true,
    ),
    ("national.tai_chinh", "Đối soát dữ liệu tài chính", true),
    ("national.bao_hiem", "Tra cứu thông tin bảo hiểm", true),
    (
        "national.thong_ke_dan_so",
        "Khai thác số liệu thống kê dân số",
        true,
    ),
    (
        "national.cong_dvcqg",
        "Đồng bộ trạng thái hồ sơ lên Cổng DVC quốc gia",
        false,
    ),
    (
        "national.truc_lien_thong",
        "Liên thông văn bản điện tử",
        false,
    ),
    ("national.bao_cao", "Gửi báo cáo định kỳ", false),
];

pub(crate) const INTERNAL_LINKS: &[&str] = &[
    "Đồng bộ dữ liệu hồ sơ",
    "Chia sẻ danh mục dùng chung",
    "Tra cứu kết quả giải quyết",
    "Cập nhật trạng thái xử lý",
    "Xác thực người dùng (SSO)",
    "Thanh toán phí, lệ phí",
];

pub(crate) const PROTOCOLS: &[&str] = &["REST/JSON", "SOAP/XML", "SFTP", "AMQP", "OData"];

pub(crate) const DESCRIPTIONS: &[&str] = &[
    "Phục vụ tiếp nhận, xử lý hồ sơ trực tuyến",
    "Kết nối, chia sẻ dữ liệu với các hệ thống của bộ, ngành",
    "Triển khai tập trung tại Trung tâm dữ liệu",
    "Đáp ứng Nghị định 45/2020/NĐ-CP về thực hiện TTHC trên môi trường điện tử",
    "Tích hợp với Cổng Dịch vụ công quốc gia",
    "Dữ liệu được cập nhật hằng ngày",
    "Sao lưu tại \\\\nas01\\sao_luu hằng đêm",
    "Theo mô hình \"một cửa, một cửa liên thông\"",
];

pub(crate) const TEXT_LINES: &[&str] = &[
    "Hệ thống được xây dựng theo mô hình tập trung, triển khai tại Trung tâm dữ liệu.",
    "Kết nối với các hệ thống khác thông qua nền tảng LGSP.",
    "Đáp ứng yêu cầu bảo đảm an toàn thông tin theo cấp độ.",
    "Dữ liệu được sao lưu hằng ngày và lưu trữ tối thiểu 10 năm.",
    "Người dùng đăng nhập qua hệ thống xác thực tập trung (SSO).",
    "Giao diện hỗ trợ thiết bị di động; tuân thủ tiêu chuẩn WCAG 2.0.",
];

pub(crate) const TAGS: &[&str] = &[
    "một cửa",
    "liên thông",
    "chuyển đổi số",
    "Đề án 06",
    "dữ liệu mở",
    "ưu tiên",
    "dùng chung",
];

pub(crate) const OBJECTIVES: &[&str] = &[
    "100% hồ sơ công việc xử lý trên môi trường mạng",
    "80% thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình",
    "100% CSDL chuyên ngành kết nối, chia sẻ qua LGSP",
    "100% hệ thống thông tin được phê duyệt cấp độ an toàn",
    "90% người dùng hài lòng với dịch vụ công trực tuyến",
];

pub(crate) const LEGAL_BASIS: &[&str] = &[
    "Quyết định 2323/QĐ-BTTTT ngày 31/12/2019",
    "Thông tư 13/2017/TT-BTTTT",
    "Nghị định 85/2016/NĐ-CP",
    "Nghị quyết 17/NQ-CP ngày 07/3/2019",
];
