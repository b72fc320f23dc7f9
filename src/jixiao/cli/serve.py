"""`jixiao serve` (the review workspace) and `jixiao user add` (accounts): thin callers of jixiao.web and jixiao.store.

Failures go to the app's one error handler (a Chinese line, exit 2), like every other command.
"""

from pathlib import Path

import typer

from jixiao.cli.chrome import Command, Group

user_app = typer.Typer(name="user", cls=Group, help="管理复核工作台的用户账号。", no_args_is_help=True)


def serve(
    db: str = typer.Option(None, "--db", help="数据库 URL；默认 DATA/jixiao.db（SQLite），也可用 postgresql+psycopg://用户:密码@主机/库"),
    host: str = typer.Option("127.0.0.1", "--host", help="监听地址（局域网内多人使用时设为 0.0.0.0）"),
    port: int = typer.Option(8000, "--port", help="端口"),
    data: Path = typer.Option(Path("jixiao-data"), "--data", help="数据目录：上传的原始文件、SQLite 数据库和会话密钥"),
    workers: int = typer.Option(2, "--workers", help="后台解析进程数"),
    timeout: float = typer.Option(600, "--timeout", help="单个文件的处理时限（秒），超时即停止并标记失败"),
    org: str = typer.Option(None, "--org", help="复核意见书的发文机关（落款），默认取环境变量 JIXIAO_ORG 或“县财政局”"),
) -> None:
    """启动复核工作台（浏览器访问）：上传、看板、抽查、逐条审核、复核评分、退回整改、导出。"""
    import uvicorn

    from jixiao.cli.console import say
    from jixiao.web import Settings, create_app

    app = create_app(Settings(data_dir=data, db_url=db, workers=workers, file_timeout=timeout, org=org))
    say(f"复核工作台：http://{host}:{port}/ （数据目录 {data.resolve()}；按 Ctrl+C 停止）")
    uvicorn.run(app, host=host, port=port, log_level="warning")


@user_app.command("add", cls=Command)
def user_add(
    name: str = typer.Argument(..., help="用户名"),
    role: str = typer.Option(..., "--role", help="角色：admin（管理员）、reviewer（复核人员）或 unit（单位用户）"),
    unit: str = typer.Option(None, "--unit", help="单位用户所属单位的名称"),
    password: str = typer.Option(None, "--password", help="密码（不填则提示输入）"),
    db: str = typer.Option(None, "--db", help="数据库 URL（同 jixiao serve）"),
    data: Path = typer.Option(Path("jixiao-data"), "--data", help="数据目录（同 jixiao serve）"),
) -> None:
    """添加用户：jixiao user add 张三 --role reviewer。"""
    from jixiao.cli.console import say
    from jixiao.store import Store
    from jixiao.store.accounts import ROLE_NAMES, create_user, record
    from jixiao.web import Settings

    if password is None:
        password = typer.prompt("密码", hide_input=True, confirmation_prompt=True)
    store = Store(Settings(data_dir=data, db_url=db).db_url)
    try:
        with store.write() as s:
            create_user(s, name, password, role, unit)
            record(s, None, "添加用户", name, f"命令行：{ROLE_NAMES[role]}")
    finally:
        store.close()
    say(f"已添加用户 {name}（{ROLE_NAMES[role]}{'，' + unit if unit else ''}）")

