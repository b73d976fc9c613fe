"""Strings of Database faults and what the user should do."""

STRINGS: dict[str, tuple[str, str]] = {
    "db_damaged": (
        "数据库文件无法读取 (已损坏, 或不是本系统的数据库): {path}。看板不会自动覆盖它。"
        "请在服务器上运行 `{command}` 重新构建示例数据库 (原文件会移入同目录的版本文件夹, 如需保留请先另行备份); "
        "如果库中有导入的上报数据, 重建后请用“数据导入”重新导入 {uploads} 中保存的原始文件。",
        "The database file cannot be read (it is damaged, or not a database of this app): {path}. The dashboard "
        "does not overwrite it. On the server, run `{command}` to rebuild the sample database (the old file is moved "
        "into the versions folder beside it; back it up first if you need it); if it held imported figures, re-import the original "
        "files kept in {uploads} afterwards.",
    ),
    "db_dangling": (
        "数据库链接 {path} 指向的文件已不存在 ({target})。看板不会自动重建, 以免掩盖丢失的数据。"
        "请在服务器上运行 `{command}` 重新构建; 如果曾导入上报数据, 重建后请重新导入 {uploads} 中保存的原始文件。",
        "The database link {path} points to a file that no longer exists ({target}). The dashboard does not rebuild "
        "it by itself, so lost data is not hidden. On the server, run `{command}` to rebuild; if figures had been "
        "imported, re-import the original files kept in {uploads} afterwards.",
    ),
    "db_old_schema": (
        "数据库 {path} 由旧版本程序构建 (结构版本 {found}, 本程序需要 {expected}), 无法直接使用。",
        "The database {path} was built by an older version of this app (schema {found}, this version needs "
        "{expected}) and cannot be used as it is.",
    ),
    "db_rebuild_safe": (
        "库中只有程序生成的示例数据, 没有导入过上报数字: 按当前版本重新构建不会丢失任何数据 (约 10–20 秒)。",
        "It holds only generated sample data and no imported figures: rebuilding it for this version loses "
        "nothing (about 10–20 s).",
    ),
    "db_rebuild_button": ("按当前版本重新构建示例数据库", "Rebuild the sample database for this version"),
    "db_rebuilding": ("正在重新构建示例数据库…", "Rebuilding the sample database…"),
    "db_rebuild_unsafe": (
        "库中有导入的上报数据, 重新构建会丢失这些数据, 所以看板不会自动重建, 当前文件保持不变。请由管理员: "
        "1) 运行 `{command}` 在新路径构建新库; 2) 对 {uploads} 中保存的每个原始文件按批次顺序运行 `{import_command}`; "
        "3) 核对无误后把 ENFORCEMENT_DB 指向新库。",
        "It holds imported figures, which a rebuild would drop, so the dashboard does not rebuild it and leaves the "
        "file as it is. An administrator should: 1) run `{command}` to build a new database at a new path; "
        "2) run `{import_command}` for each original file kept in {uploads}, in import order; 3) after checking, "
        "point ENFORCEMENT_DB at the new database.",
    ),
}


# Column headers of tables and exports: database column name -> (Chinese, English).
COLUMNS: dict[str, tuple[str, str]] = {}
