// Local web chat: renders the platform-neutral reply model as accessible HTML.
const log = document.getElementById("log");
const form = document.getElementById("ask");
const input = document.getElementById("question");
const status = document.getElementById("status");

// A pseudonymous id per browser, so the bot can keep conversation state. Never a name.
const userKey = "wegwijs-user";
const user = localStorage.getItem(userKey) ?? `web-${crypto.randomUUID()}`;
localStorage.setItem(userKey, user);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const child of children) node.append(child);
  return node;
}

/** *emphasis* only; everything else is text (never innerHTML). */
function richText(text) {
  const p = el("p");
  text.split(/(\*[^*\n]+\*)/g).forEach((piece) => {
    if (/^\*[^*]+\*$/.test(piece)) p.append(el("em", {}, piece.slice(1, -1)));
    else p.append(piece);
  });
  return p;
}

function renderPart(part) {
  switch (part.kind) {
    case "text":
      return richText(part.text);
    case "notice":
      return el("div", { class: `notice ${part.level}`, role: part.level === "warning" ? "alert" : "note" }, part.text);
    case "sources": {
      const list = el("ol");
      for (const s of part.sources) {
        list.append(
          el("li", { value: String(s.n) },
            el("strong", {}, s.documentTitle),
            el("span", { class: "where" }, ` — ${s.section}`),
            el("blockquote", {}, `“${s.quote}”`)),
        );
      }
      return el("section", { class: "sources", "aria-label": part.title }, el("h2", {}, part.title), list);
    }
    case "actions": {
      const box = el("div", { class: "actions" });
      for (const action of part.actions) {
        const button = el("button", { type: "button", class: action.style === "primary" ? "primary" : "" }, action.label);
        button.addEventListener("click", () => send({ action: { id: action.id, value: action.value } }, action.label));
        box.append(button);
      }
      return box;
    }
    default:
      return el("p", {}, "(Dit onderdeel kan de webchat niet tonen.)");
  }
}

function addMessage(who, nodes) {
  const msg = el("article", { class: `msg ${who}`, "aria-label": who === "user" ? "Jij" : "Wegwijs" });
  nodes.forEach((n) => msg.append(n));
  log.append(msg);
  msg.scrollIntoView({ behavior: "smooth", block: "end" });
}

async function send(payload, shownText) {
  if (shownText) addMessage("user", [el("p", {}, shownText)]);
  status.textContent = "Wegwijs zoekt in de plandocumenten…";
  form.querySelector("button").disabled = true;
  try {
    const response = await fetch("/api/chat", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ user, ...payload }),
    });
    const body = await response.json();
    if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
    for (const reply of body.replies) addMessage("bot", reply.parts.map(renderPart));
    status.textContent = "";
  } catch (error) {
    addMessage("bot", [el("div", { class: "notice warning", role: "alert" }, `Dat lukte niet: ${error.message}. Probeer het opnieuw.`)]);
    status.textContent = "";
  } finally {
    form.querySelector("button").disabled = false;
    input.focus();
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  input.value = "";
  send({ text }, text);
});

input.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey) {
    event.preventDefault();
    form.requestSubmit();
  }
});

// Greet with what Wegwijs can do.
send({ text: "help" }, null);
