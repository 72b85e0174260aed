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
PAGE_JS = """
() => {
  const copyText = async (text) => {
    if (navigator.clipboard && window.isSecureContext) {
      try { await navigator.clipboard.writeText(text); return true; } catch (e) { /* fall back */ }
    }
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  };
  // a new question (and again its finished answer) scrolls the question to the top of the
  // chat, so that the answer is read from its start
  const scrollBox = (node) => {
    let box = node.parentElement;
    while (box && !(box.scrollHeight > box.clientHeight + 4
                    && /(auto|scroll)/.test(getComputedStyle(box).overflowY))) {
      box = box.parentElement;
    }
    return box;
  };
  let lastKey = "";
  new MutationObserver(() => {
    const questions = document.querySelectorAll("#pn-chat .pn-question");
    const done = document.querySelectorAll("#pn-chat .pn-answer:not(.pn-streaming)").length;
    const key = questions.length + ":" + done;  // a new question, or its answer completed
    if (key === lastKey) return;
    lastKey = key;
    const last = questions[questions.length - 1];
    const box = last && scrollBox(last);
    if (box) {
      box.scrollTop += last.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
    }
  }).observe(document.body, { childList: true, subtree: true });
  document.addEventListener("click", async (event) => {
    const button = event.target.closest("button.pn-copy");
    if (!button) return;
    const label = button.dataset.label || button.textContent;
    button.dataset.label = label;
    const source = button.nextElementSibling;
    const text = source && source.classList.contains("pn-copy-text") ? source.textContent : "";
    const ok = await copyText(text);
    button.textContent = ok ? "Kopioitu ✓" : "Kopiointi ei onnistunut";
    setTimeout(() => { button.textContent = label; }, 2000);
  });
}
"""
CSS = """
.gradio-container { max-width: 1100px !important; }
#pn-header h1 { margin: 0 0 .25rem 0; font-size: 1.6rem; }
#pn-header p { margin: 0; }
.pn-banner { border-radius: 8px; padding: .6rem .9rem; margin: .25rem 0; }
.pn-banner p { margin: .15rem 0; }
.pn-banner-sample { background: #fff7e0; border: 1px solid #e0b84d; color: #3d2e00; }
.pn-banner-progress { background: #e8f1fb; border: 1px solid #7aa7d9; color: #0b2a4a; }
.pn-banner-error { background: #fdecec; border: 1px solid #d77; color: #5a0000; }
.pn-banner-info { background: #eef5ee; border: 1px solid #8b8; color: #12331a; }
.pn-answer .pn-text { white-space: normal; }
.pn-notice { margin-top: .4rem; font-style: italic; }
.pn-sources { margin-top: .6rem; border-top: 1px solid #ccc; padding-top: .4rem; }
.pn-sources-title { font-weight: 600; margin-bottom: .2rem; }
.pn-sources ul { margin: 0; padding-left: 0; list-style: none; }
.pn-source { margin: .35rem 0; list-style: none; }
.pn-links { margin-left: .3rem; }
.pn-links a { margin-right: .3rem; }
button.pn-copy { font-size: .85rem; padding: .1rem .5rem; margin: .15rem .3rem .15rem 0;
  border: 1px solid #888; border-radius: 6px; background: transparent; cursor: pointer;
  color: inherit; }
button.pn-copy:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
.pn-actions { margin-top: .5rem; }
.pn-copy-text { display: none !important; }
.pn-cite { margin: .2rem 0; }
.pn-cite-text { font-style: italic; }
.pn-quote summary { cursor: pointer; }
.pn-quote blockquote, .pn-passage { margin: .3rem 0; padding-left: .6rem;
  border-left: 3px solid #999; white-space: normal; }
.pn-hit { margin: .8rem 0 .2rem 0; }
.pn-scores { font-size: .85rem; opacity: .8; }
.pn-table-wrap { overflow-x: auto; }
table.pn-docs { border-collapse: collapse; width: 100%; }
table.pn-docs th, table.pn-docs td { border: 1px solid #ccc; padding: .3rem .45rem;
  text-align: left; vertical-align: top; }
table.pn-docs td.pn-num { text-align: right; }
dl.pn-facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .8rem; }
dl.pn-facts dt { font-weight: 600; }
dl.pn-facts dd { margin: 0; overflow-wrap: anywhere; }
#pn-examples button { white-space: normal; }
@media (max-width: 480px) {
  .gradio-container { padding: 0 4px !important; }
  #pn-header h1 { font-size: 1.25rem; }
  #pn-ask-row { flex-wrap: wrap; }
  #pn-ask-row > * { min-width: 100% !important; }
  #pn-examples { flex-direction: column; }
  #pn-examples > * { min-width: 100% !important; }
  dl.pn-facts { grid-template-columns: 1fr; }
}
"""


def _refresh(handlers: ChatHandlers) -> tuple[Any, ...]:
    """Banner, info tab and search filters; the timer stops once the app is ready."""
    ready = handlers.status.get().ready
    return (
        handlers.banner(),
        handlers.info_html(),
        gr.Dropdown(choices=handlers.document_choices()),
        gr.Dropdown(choices=handlers.type_choices()),
        gr.Timer(active=not ready),
    )


def _staff_login(
    handlers: ChatHandlers, user: str, password: str, session: ChatSession | None
) -> tuple[Any, ...]:
    session = session or ChatSession()
    if not handlers.check_staff(user, password):
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
        handlers.feedback_rows(session),
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
            handlers.search,
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
    with gr.Column(visible=handlers.login_required) as login_box:
        user = gr.Textbox(label="Käyttäjätunnus", elem_id="pn-staff-user")
        password = gr.Textbox(label="Salasana", type="password", elem_id="pn-staff-password")
        login = gr.Button("Kirjaudu", variant="primary", elem_id="pn-staff-login")
        login_status = gr.Markdown("")
    with gr.Column(visible=not handlers.login_required) as panel:
        if not handlers.login_required:
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
    refresh.click(handlers.feedback_rows, [session], [table], queue=False, api_visibility="private")
    export.click(
        handlers.export_csv, [session], [csv_file], api_visibility="private", concurrency_limit=4
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
