"""Strings of sign-in and access: the gate's pages and notices, roles, the admin page (accounts and the audit trail)."""

STRINGS: dict[str, tuple[str, str]] = {
    # sign-in
    "gate_signin_title": ("请登录", "Please sign in"),
    "gate_signin_text": (
        "本看板只向已开通账号的人员开放。请使用本单位统一身份认证平台的账号登录; 登录后将打开您所在地区的页面。",
        "This dashboard is open only to people with an account. Sign in with your organisation's identity platform; "
        "you will then see your own region.",
    ),
    "gate_signin_button": ("统一身份认证登录", "Sign in"),
    "gate_session_expired": (
        "登录已超过 {hours} 小时, 请重新登录。",
        "You signed in more than {hours} hours ago; please sign in again.",
    ),
    "gate_signout": ("退出登录", "Sign out"),
    "gate_signed_in_as": ("已登录: {who} · {role} · {region}", "Signed in: {who} · {role} · {region}"),
    "gate_no_account": (
        "您已通过身份认证 ({who}), 但本看板还没有为您开通账号, 因此不能查看任何数据。",
        "You are signed in ({who}), but you have no account on this dashboard, so no data can be shown.",
    ),
    "gate_disabled": (
        "您的账号 ({who}) 已被停用, 因此不能查看任何数据。",
        "Your account ({who}) has been disabled, so no data can be shown.",
    ),
    "gate_ask_admins": (
        "请联系本看板的管理员开通或恢复账号 (说明您的姓名、单位和需要查看的地区): {admins}。",
        "Ask an administrator of this dashboard for an account (with your name, office and region): {admins}.",
    ),
    "gate_no_admins": (
        "本看板还没有管理员。请联系运行本看板的技术人员, 由其在服务器上执行 "
        "`python -m enforcement users add 身份标识 --role admin --region 地区代码` 开通第一个管理员账号。",
        "This dashboard has no administrator yet. Ask whoever runs it to create the first one on the server: "
        "`python -m enforcement users add IDENTITY --role admin --region CODE`.",
    ),
    "gate_refused_role": (
        "您的角色 ({role}) 没有“{right}”权限, 不能打开本页。如需此权限, 请联系管理员。",
        "Your role ({role}) does not include '{right}', so this page cannot be opened. Ask an administrator if "
        "you need it.",
    ),
    "gate_refused_network": (
        "未启用登录, 且本看板在网络地址 {address} 上运行: 无法确认您的身份, 因此拒绝导入、导出和账号管理。"
        "只在本机 (127.0.0.1) 运行, 或按 docs/access.md 启用登录后再试。",
        "Sign-in is off and the app is served on the network address {address}: nobody can be identified, so "
        "imports, exports and account management are refused. Run it on this machine only (127.0.0.1), or turn "
        "sign-in on as docs/access.md describes.",
    ),
    "gate_back_overview": ("返回总览", "Back to the overview"),
    "gate_out_of_scope": (
        "链接中的地区 {value} 不在您的权限范围内, 已改为显示您所在的地区 ({region})。",
        "The link's region {value} is outside your area; your own region ({region}) is shown instead.",
    ),
    "gate_region_unknown": (
        "您账号的地区代码 {region} 不在本数据库的地区表中, 请联系管理员更正。",
        "Your account's region code {region} is not in this database's region table; ask an administrator.",
    ),
    "gate_off_local": (
        "未启用登录: 仅限本机使用 (服务只在 127.0.0.1 上监听)。在网络上部署请先按 docs/access.md 启用登录。",
        "Sign-in is off: for use on this machine only (the server listens on 127.0.0.1). Turn sign-in on before "
        "deploying on a network (docs/access.md).",
    ),
    "gate_off_network": (
        "未启用登录, 但本看板在网络地址 {address} 上运行: 任何能访问的人都能看到全部数据, 导入和导出已被拒绝。"
        "请按 docs/access.md 启用登录, 或只在本机 (127.0.0.1) 运行。",
        "Sign-in is off, but the app is served on the network address {address}: anyone who can reach it sees "
        "every figure, and imports and exports are refused. Turn sign-in on (docs/access.md), or serve this "
        "machine only (127.0.0.1).",
    ),
    "gate_off_short": ("未启用登录 · 仅限本机使用", "Sign-in off · this machine only"),
    "gate_off_network_short": ("未启用登录 · 网络访问只能浏览", "Sign-in off · browsing only from the network"),
    "gate_secrets_broken": (
        "密钥文件无法读取 ({files}), 因此无法判断是否需要登录; 为安全起见不显示任何内容。请修正该文件的 TOML 格式。",
        "The secrets file cannot be read ({files}), so whether sign-in is required is unknown; nothing is shown. "
        "Fix the file's TOML.",
    ),
    "gate_config_error": (
        "登录配置有误, 为安全起见不显示任何内容: {reason}",
        "The sign-in configuration is wrong, so nothing is shown: {reason}",
    ),
    "gate_store_error": (
        "账号与留痕库无法使用, 为安全起见不显示任何内容: {reason}",
        "The accounts and audit store cannot be used, so nothing is shown: {reason}",
    ),
    "gate_proxy_no_identity": (
        "反向代理没有传来登录人员的身份, 因此不显示任何内容。请通过单位的登录入口访问。",
        "The reverse proxy sent no identity, so nothing is shown. Open the dashboard through your organisation's "
        "sign-in gateway.",
    ),
    "gate_rebuild_admin_only": (
        "只有管理员可以重建数据库。请联系管理员。",
        "Only an administrator may rebuild the database.",
    ),
    "gate_export_audit_failed": (
        "导出未完成: 无法写入留痕记录 ({reason})。请联系管理员。",
        "The export was not delivered: the audit trail could not be written ({reason}). Ask an administrator.",
    ),
    # roles and rights
    "role_viewer": ("领导", "viewer"),
    "role_analyst": ("分析员", "analyst"),
    "role_clerk": ("填报员", "clerk"),
    "role_admin": ("管理员", "administrator"),
    "right_browse": ("浏览", "browse"),
    "right_export": ("导出", "export"),
    "right_import": ("导入", "import"),
    "right_manage": ("管理", "manage"),
    "role_help": (
        "领导: 浏览本地区及下辖地区; 分析员: 另可导出; 填报员: 另可导入 (只限本地区及下辖地区的数据行); "
        "管理员: 另可管理账号、查看留痕、重建数据库。",
        "Viewer: browses the region and everything under it; analyst: also exports; clerk: also imports (rows of "
        "that subtree only); administrator: also manages accounts, reads the audit trail and rebuilds.",
    ),
    # audit actions and outcomes
    "action_signin": ("登录", "sign-in"),
    "action_signout": ("退出登录", "sign-out"),
    "action_link_out_of_scope": ("越权链接", "link outside the area"),
    "action_page_forbidden": ("越权页面", "forbidden page"),
    "action_import": ("导入", "import"),
    "action_export": ("导出", "export"),
    "action_account_add": ("开通账号", "account added"),
    "action_account_change": ("修改账号", "account changed"),
    "action_rebuild": ("重建数据库 (网页)", "rebuild (web)"),
    "action_build": ("构建数据库 (命令行)", "build (command line)"),
    "action_audit_export": ("导出留痕", "audit trail exported"),
    "outcome_ok": ("成功", "ok"),
    "outcome_refused": ("拒绝", "refused"),
    "outcome_failed": ("失败", "failed"),
    "outcome_unchanged": ("无改动", "unchanged"),
    # admin page
    "nav_admin": ("管理", "Admin"),
    "ad_intro": (
        "开通和管理账号 (每个账号一个角色、一个地区), 查询和导出留痕。账号和留痕保存在数据库旁的 {path}, "
        "导入或重建数据库不会影响它们。",
        "Accounts (one role and one region each) and the audit trail. Both are kept beside the database in {path}, "
        "so imports and rebuilds never touch them.",
    ),
    "ad_accounts": ("账号", "Accounts"),
    "ad_accounts_scope": (
        "您可以管理地区 {region} 及其下辖地区的账号。",
        "You manage the accounts of {region} and the regions under it.",
    ),
    "ad_no_accounts": ("还没有账号。", "No accounts yet."),
    "ad_add": ("开通账号", "Add an account"),
    "ad_identity": ("身份标识 (统一身份认证的 sub 或电子邮箱)", "Identity (the provider's sub or e-mail)"),
    "ad_name": ("姓名", "Name"),
    "ad_role": ("角色", "Role"),
    "ad_region": ("地区代码", "Region code"),
    "ad_add_button": ("开通", "Add"),
    "ad_added": ("已开通账号 {identity} ({role} · {region})。", "Account {identity} added ({role} · {region})."),
    "ad_change": ("修改账号", "Change an account"),
    "ad_pick": ("账号", "Account"),
    "ad_enabled": ("启用", "Enabled"),
    "ad_save": ("保存", "Save"),
    "ad_saved": ("已保存账号 {identity}。", "Account {identity} saved."),
    "ad_unchanged": ("没有改动。", "Nothing changed."),
    "ad_own_account": (
        "不能修改自己的账号 (以免把自己锁在外面): 请由另一位管理员或在服务器上用命令行修改。",
        "You cannot change your own account (so that you do not lock yourself out): ask another administrator, or "
        "use the command line on the server.",
    ),
    "ad_region_outside": (
        "地区 {region} 不在您可管理的范围 ({own}) 内。",
        "Region {region} is outside the area you manage ({own}).",
    ),
    "ad_region_unknown": ("地区代码 {region} 不存在。", "Region code {region} does not exist."),
    "ad_trail": ("留痕", "Audit trail"),
    "ad_trail_help": (
        "每次登录、退出、导入、导出、越权访问、账号变更和重建都记录在此; 记录只增不改, 每条带有前一条的哈希。"
        "按地区和数据期间筛选可回答“谁改动了某地某年的数据、谁下载了它们”。",
        "Every sign-in, sign-out, import, export, refused request, account change and rebuild is recorded here; "
        "entries are only ever appended and each carries the previous one's hash. Filter by region and data "
        "period to answer 'who changed a region's figures for a year, and who downloaded them'.",
    ),
    "ad_when": ("记录时间", "Recorded between"),
    "ad_person": ("人员", "Person"),
    "ad_action": ("操作", "Action"),
    "ad_all": ("(全部)", "(all)"),
    "ad_region_filter": ("涉及地区 (代码)", "Concerning region (code)"),
    "ad_period_filter": ("数据期间 (如 2024 或 2024-01:2024-06)", "Data period (e.g. 2024 or 2024-01:2024-06)"),
    "ad_entries": ("{n} 条记录", "{n} entries"),
    "ad_bad_period": ("数据期间无法识别: {value}", "Data period not understood: {value}"),
    "ad_download": ("下载留痕 CSV", "Download the trail as CSV"),
    "ad_verify": ("校验哈希链", "Verify the hash chain"),
    "ad_verify_ok": (
        "哈希链完整: {n} 条记录, 最后一条的哈希 {head}。请记下这个哈希, 以便日后核对记录没有被截去。",
        "The chain is intact: {n} entries, last hash {head}. Note the hash to check later that no entries were cut "
        "from the end.",
    ),
    "audit_broken_missing": (
        "哈希链在第 {id} 条断开: 该条缺失 (下一条是第 {found} 条)。",
        "The chain breaks at entry {id}: it is missing (the next one is {found}).",
    ),
    "audit_broken_link": (
        "哈希链在第 {id} 条断开: 它记录的前一条哈希与第 {previous} 条不符。",
        "The chain breaks at entry {id}: the previous hash it records does not match entry {previous}.",
    ),
    "audit_broken_content": (
        "哈希链在第 {id} 条断开: 该条的内容与其哈希不符 (写入后被改动过)。",
        "The chain breaks at entry {id}: its content does not match its hash (it was changed after writing).",
    ),
}

COLUMNS: dict[str, tuple[str, str]] = {
    "identity": ("身份标识", "Identity"),
    "display_name": ("姓名", "Name"),
    "role": ("角色", "Role"),
    "is_enabled": ("启用", "Enabled"),
    "created_at": ("开通时间", "Created"),
    "created_by": ("开通人", "Created by"),
    "updated_at": ("修改时间", "Changed"),
    "updated_by": ("修改人", "Changed by"),
    "audit_entry_id": ("序号", "Entry"),
    "occurred_at": ("时间", "Time"),
    "actor": ("身份标识", "Identity"),
    "actor_name": ("姓名", "Name"),
    "actor_role": ("角色", "Role"),
    "audit_action": ("操作", "Action"),
    "audit_outcome": ("结果", "Outcome"),
    "audit_period": ("数据期间", "Data period"),
    "audit_details": ("详情", "Details"),
    "entry_hash": ("哈希", "Hash"),
}
