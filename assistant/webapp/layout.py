"""The Gradio Blocks of the page: chat, helpdesk search, staff feedback view, information."""

from __future__ import annotations

import functools
import time
from typing import Any

import gradio as gr

from assistant.webapp.handlers import ChatHandlers, ChatSession
from assistant.webapp.render import banner_html

CONCURRENCY_ID = "assistant"
EXAMPLES = (
    "Onko robotiikkahankkeeni rahoituskelpoinen?",
    "Milloin toinen rahoitushaku oli auki?",
    "Mitkä ovat Porin ekosysteemisopimuksen painopistealueet?",
    "Kuka antaa lisätietoja rahoitushausta?",
)
FUNDING_NOTE = (
    "Pori-neuvoja kertoo, mitä asiakirjoissa sanotaan. Rahoituspäätökset tekee aina "
    "rahoittava viranomainen; tarkista ehdot virallisesta hakuilmoituksesta."
)
CHAT_PLACEHOLDER = (
    "<strong>Hei!</strong> Kysy Porin innovaatiotoiminnan ekosysteemisopimuksesta, sen "
    "rahoitushauista ja hankkeista. Jokaisen vastauksen alla ovat lähteet, jotka voit avata."
)


def _refresh(handlers: ChatHandlers) -> tuple[Any, ...]:
    """Banner, info tab and search filters; the timer stops once the app is ready."""
    ready = handlers.status.get().ready
    index = handlers.index
    return (
        index.banner(),
        index.info_html(),
        gr.Dropdown(choices=index.document_choices()),
        gr.Dropdown(choices=index.type_choices()),
        gr.Timer(active=not ready),
    )


def _staff_login(
    handlers: ChatHandlers, user: str, password: str, session: ChatSession | None
) -> tuple[Any, ...]:
    session = session or ChatSession()
    if not handlers.staff.check(user, password):
        time.sleep(1.0)  # slows down password guessing
        return (
            session,
            gr.Column(visible=True),
            gr.Column(visible=False),
            "Väärä käyttäjätunnus tai salasana.",
            [],
            "",
        )
    session.staff = True
    return (
        session,
        gr.Column(visible=False),
        gr.Column(visible=True),
        "",
        handlers.staff.rows(session),
        "",
    )


def _chat_tab(handlers: ChatHandlers, session: gr.State) -> None:
    limit = handlers.settings.max_question_chars
    chatbot = gr.Chatbot(
        label="Keskustelu",
        elem_id="pn-chat",
        height="68vh",
        min_height=420,
        buttons=[],  # copying is done by the answers' own buttons (plain text, not HTML)
        sanitize_html=True,
        render_markdown=True,
        allow_tags=False,
        layout="bubble",
        feedback_options=("Like", "Dislike"),
        placeholder=CHAT_PLACEHOLDER,
        autoscroll=False,  # PAGE_JS scrolls each new question to the top instead
    )
    with gr.Row(elem_id="pn-ask-row", equal_height=True):
        question = gr.Textbox(
            label="Kysymyksesi",
            placeholder="Esim. Onko robotiikkahankkeeni rahoituskelpoinen?",
            lines=1,
            max_lines=6,
            scale=5,
            elem_id="pn-question",
            autofocus=False,
            info=f"Enintään {limit} merkkiä. Lähetä Enter-näppäimellä.",
        )
        ask = gr.Button("Kysy", variant="primary", scale=1, min_width=90, elem_id="pn-ask")
    gr.HTML("<p id='pn-examples-label'>Esimerkkikysymyksiä:</p>", js_on_load=None)
    with gr.Row(elem_id="pn-examples"):
        examples = [gr.Button(text, size="sm") for text in EXAMPLES]
    with gr.Row():
        new = gr.Button("Uusi keskustelu", size="sm", elem_id="pn-new")
    gr.HTML(banner_html([FUNDING_NOTE], "info"), js_on_load=None)
    with gr.Group():
        comment = gr.Textbox(
            label="Kommentti viimeisimmästä vastauksesta (valinnainen)",
            lines=2,
            placeholder="Mikä vastauksessa oli hyvää tai puuttui? Älä kirjoita henkilötietoja.",
            elem_id="pn-comment",
        )
        send_comment = gr.Button("Lähetä kommentti", size="sm", elem_id="pn-send-comment")
    feedback_status = gr.Markdown("", elem_id="pn-feedback-status")

    respond_kwargs: dict[str, Any] = {
        "fn": handlers.respond,
        "inputs": [session],
        "outputs": [chatbot, session],
        "concurrency_id": CONCURRENCY_ID,
        "api_visibility": "private",
        "show_progress": "hidden",
    }
    submit_kwargs: dict[str, Any] = {
        "outputs": [question, chatbot, session],
        "queue": False,
        "api_visibility": "private",
    }
    question.submit(handlers.submit, [question, session], **submit_kwargs).then(**respond_kwargs)
    ask.click(handlers.submit, [question, session], **submit_kwargs).then(**respond_kwargs)
    for button, text in zip(examples, EXAMPLES, strict=True):
        button.click(functools.partial(handlers.submit, text), [session], **submit_kwargs).then(
            **respond_kwargs
        )
    for reset in (new.click, chatbot.clear):
        reset(
            handlers.new_conversation,
            [session],
            [chatbot, session, feedback_status],
            queue=False,
            api_visibility="private",
        )
    chatbot.like(handlers.like, [session], [feedback_status], queue=False, api_visibility="private")
    send_comment.click(
        handlers.comment,
        [comment, session],
        [comment, feedback_status],
        queue=False,
        api_visibility="private",
    )


def _search_tab(handlers: ChatHandlers) -> tuple[gr.Dropdown, gr.Dropdown]:
    gr.Markdown("Hae tekstikohtia asiakirjoista ja kopioi lähdeviite yhdellä napsautuksella.")
    with gr.Row(elem_id="pn-search-row"):
        query = gr.Textbox(label="Hakusana tai kysymys", scale=4, elem_id="pn-search-query")
        k = gr.Slider(1, 30, value=10, step=1, label="Tuloksia enintään", scale=1)
    with gr.Row():
        docs = gr.Dropdown(
            label="Asiakirja",
            choices=[],
            multiselect=True,
            info="Tyhjä = kaikki asiakirjat",
            elem_id="pn-search-docs",
        )
        types = gr.Dropdown(
            label="Asiakirjan tyyppi",
            choices=[],
            multiselect=True,
            info="Tyhjä = kaikki tyypit",
            elem_id="pn-search-types",
        )
    go = gr.Button("Hae", variant="primary", elem_id="pn-search-go")
    status = gr.Markdown("", elem_id="pn-search-status")
    results = gr.HTML("", elem_id="pn-search-results", js_on_load=None)
    for trigger in (query.submit, go.click):
        trigger(
            handlers.helpdesk.search,
            [query, docs, types, k],
            [results, status],
            concurrency_id=CONCURRENCY_ID,
            api_visibility="private",
        )
    return docs, types


def _staff_tab(handlers: ChatHandlers, session: gr.State) -> None:
    gr.Markdown(
        "Käyttäjien antama palaute vastauksista. Palautteet poistetaan "
        f"{handlers.settings.feedback_retention_days} päivän kuluttua."
    )
    with gr.Column(visible=handlers.staff.login_required) as login_box:
        user = gr.Textbox(label="Käyttäjätunnus", elem_id="pn-staff-user")
        password = gr.Textbox(label="Salasana", type="password", elem_id="pn-staff-password")
        login = gr.Button("Kirjaudu", variant="primary", elem_id="pn-staff-login")
        login_status = gr.Markdown("")
    with gr.Column(visible=not handlers.staff.login_required) as panel:
        if not handlers.staff.login_required:
            gr.Markdown(
                "Huom. näkymää ei ole suojattu salasanalla: aseta ASSISTANT_STAFF_USER "
                "ja ASSISTANT_STAFF_PASSWORD, jos sovellus on muiden käytettävissä."
            )
        refresh = gr.Button("Päivitä", size="sm", elem_id="pn-staff-refresh")
        table = gr.Dataframe(
            headers=["Aika (UTC)", "Arvio", "Kysymys", "Vastaus", "Lähteet", "Kommentti"],
            datatype="str",
            interactive=False,
            wrap=True,
            label="Palautteet",
            type="array",
            column_widths=["11%", "9%", "18%", "30%", "17%", "15%"],
            max_height=600,
        )
        export = gr.Button("Vie CSV-tiedostoksi", size="sm", elem_id="pn-staff-export")
        csv_file = gr.File(label="CSV-tiedosto", interactive=False)
    login.click(
        functools.partial(_staff_login, handlers),
        [user, password, session],
        [session, login_box, panel, login_status, table, password],
        api_visibility="private",
        concurrency_limit=4,
    )
    refresh.click(handlers.staff.rows, [session], [table], queue=False, api_visibility="private")
    export.click(
        handlers.staff.export_csv,
        [session],
        [csv_file],
        api_visibility="private",
        concurrency_limit=4,
    )


def build_blocks(handlers: ChatHandlers, concurrency: int = 2) -> gr.Blocks:
    """The whole page; ``concurrency`` limits simultaneous questions and searches."""
    with gr.Blocks(
        title="Pori-neuvoja", analytics_enabled=False, delete_cache=(3600, 3600)
    ) as demo:
        session = gr.State(None)
        gr.HTML(
            '<div id="pn-header"><h1>Pori-neuvoja</h1><p>Kysy Porin innovaatiotoiminnan '
            "ekosysteemisopimuksesta 2021–2027. Vastaukset perustuvat asiakirjoihin, ja jokaisen "
            "lähteen voi avata.</p></div>",
            js_on_load=None,
        )
        banner = gr.HTML("", elem_id="pn-banner", js_on_load=None)
        timer = gr.Timer(2.0, active=True)
        with gr.Tabs(overflow_behavior="wrap"):
            with gr.Tab("Keskustelu", id="chat"):
                _chat_tab(handlers, session)
            with gr.Tab("Hae asiakirjoista", id="search"):
                docs, types = _search_tab(handlers)
            with gr.Tab("Palaute (henkilökunta)", id="staff"):
                _staff_tab(handlers, session)
            with gr.Tab("Tietoa", id="info"):
                info = gr.HTML("", elem_id="pn-info", js_on_load=None)
        refresh = functools.partial(_refresh, handlers)
        outputs = [banner, info, docs, types, timer]
        demo.load(refresh, None, outputs, queue=False, api_visibility="private")
        timer.tick(refresh, None, outputs, queue=False, api_visibility="private")
        gr.api(
            handlers.api_ask,
            api_name="ask",
            concurrency_id=CONCURRENCY_ID,
            concurrency_limit=concurrency,
        )
    demo.queue(default_concurrency_limit=concurrency, max_size=200)
    return demo
