"""The page's own CSS and JavaScript (served inline: no CDN, works offline)."""

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
