// The toolkit's model page: plain JavaScript over the server's routes (no libraries, nothing from the network).
"use strict";

const $ = (id) => document.getElementById(id);
const state = { models: [], samples: [], image: null, imageName: "", attackSeq: 0, attackTimer: 0 };

// ---- helpers ------------------------------------------------------------------------------------------------

async function api(path, options) {
  const response = await fetch(path, options);
  const text = await response.text();
  let body;
  try { body = JSON.parse(text); } catch { body = { error: text || response.statusText }; }
  if (!response.ok) throw new Error(body.error || `${response.status} ${response.statusText}`);
  return body;
}

function showError(id, message) {
  const element = $(id);
  element.textContent = message || "";
  element.hidden = !message;
}

function option(value, text) {
  const element = document.createElement("option");
  element.value = value;
  element.textContent = text ?? value;
  return element;
}

function percent(p) { return `${(100 * p).toFixed(1)} %`; }

function bars(list, items) {
  list.replaceChildren(...items.map(({ label, share, extra, data }) => {
    const item = document.createElement("li");
    Object.assign(item.dataset, data || {});
    const name = document.createElement("span");
    name.className = "label";
    name.textContent = label;
    const meter = document.createElement("span");
    meter.className = "meter";
    meter.setAttribute("role", "img");
    meter.setAttribute("aria-label", `${label}: ${percent(share)}`);
    const fill = document.createElement("span");
    fill.style.width = `${Math.max(0, Math.min(1, share)) * 100}%`;
    meter.append(fill);
    const value = document.createElement("span");
    value.className = "value";
    value.textContent = percent(share);
    item.append(name, meter, value);
    if (extra) {
      const words = document.createElement("span");
      words.className = "words";
      words.textContent = extra;
      item.append(words);
    }
    return item;
  }));
}

function classBars(list, top) {
  bars(list, top.map((c) => ({ label: c.class, share: c.probability, data: { class: c.class, probability: c.probability } })));
}

function base64(bytes) {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function loadImage(src) {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error("the image cannot be shown"));
    image.src = src;
  });
}

// ---- views --------------------------------------------------------------------------------------------------

function showView(name) {
  for (const tab of document.querySelectorAll(".tab")) tab.setAttribute("aria-pressed", String(tab.dataset.view === name));
  for (const view of document.querySelectorAll(".view")) view.hidden = view.id !== `view-${name}`;
}

function modelsOf(task) { return state.models.filter((m) => m.task === task); }

function currentClassifier() { return state.models.find((m) => m.name === $("classifier").value); }

// ---- classify and attack ------------------------------------------------------------------------------------

async function useImage(bytes, name) {
  showError("classify-error", "");
  try {
    await createImageBitmap(new Blob([bytes]));
  } catch {
    state.image = null;
    $("prediction").hidden = true;
    $("attack").hidden = true;
    showError("classify-error", `${name}: not an image the page can read (expected PNG, JPEG, BMP, GIF or WebP)`);
    return;
  }
  state.image = bytes;
  state.imageName = name;
  await classify();
}

async function classify() {
  const model = currentClassifier();
  if (!model || !state.image) return;
  try {
    const answer = await api(`/v2/models/${encodeURIComponent(model.name)}/predict?top=5`, {
      method: "POST", headers: { "Content-Type": "application/octet-stream" }, body: state.image,
    });
    $("top-class").textContent = answer.top[0].class;
    classBars($("top-k"), answer.top);
    $("prediction").hidden = false;
    showError("classify-error", "");
    $("attack").hidden = !model.attack;
    if (model.attack) scheduleAttack(0);
  } catch (error) {
    $("prediction").hidden = true;
    $("attack").hidden = true;
    showError("classify-error", `${state.imageName}: ${error.message}`);
  }
}

function scheduleAttack(delay) {
  clearTimeout(state.attackTimer);
  state.attackTimer = setTimeout(attack, delay);
}

async function attack() {
  const model = currentClassifier();
  if (!model || !model.attack || !state.image) return;
  const seq = ++state.attackSeq;
  const eps = Number($("eps").value);
  const body = {
    image: base64(state.image),
    method: $("method").value,
    eps,
    steps: Number($("steps").value) || 10,
    target: $("targeted").checked ? $("target-class").value : null,
  };
  $("attack-status").textContent = "attacking…";
  try {
    const answer = await api(`/v2/models/${encodeURIComponent(model.name)}/attack`, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    if (seq !== state.attackSeq) return; // a newer request is on its way
    await showAttack(answer, eps);
    showError("classify-error", "");
  } catch (error) {
    if (seq !== state.attackSeq) return;
    $("attack-status").textContent = "";
    showError("classify-error", `attack: ${error.message}`);
  }
}

async function showAttack(answer, eps) {
  const [original, adversarial] = await Promise.all([
    loadImage(`data:image/png;base64,${answer.original}`),
    loadImage(`data:image/png;base64,${answer.adversarial}`),
  ]);
  $("original").src = original.src;
  $("adversarial").src = adversarial.src;
  $("before-class").textContent = answer.before[0].class;
  $("after-class").textContent = answer.after[0].class;
  classBars($("before-top"), answer.before);
  classBars($("after-top"), answer.after);
  const magnify = drawPerturbation(original, adversarial, eps);
  $("perturbation-caption").textContent = magnify ? `perturbation × ${magnify}` : "perturbation (none at eps 0)";
  const flipped = answer.before[0].class !== answer.after[0].class;
  $("attack-status").textContent =
    `${answer.method}, eps ${eps.toFixed(3)}${answer.target ? `, target ${answer.target}` : ""}: ` +
    `${answer.before[0].class} → ${answer.after[0].class}${flipped ? " (changed)" : ""}; L∞ ${answer.linf.toFixed(4)}`;
}

/** Draws (adversarial − original) around mid-grey, stretched so ±eps fills the range; returns the factor. */
function drawPerturbation(original, adversarial, eps) {
  const { width, height } = original;
  const canvas = $("perturbation");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d", { willReadFrequently: true });
  const pixels = (image) => {
    context.drawImage(image, 0, 0);
    return context.getImageData(0, 0, width, height);
  };
  const a = pixels(original).data;
  const out = pixels(adversarial);
  const factor = eps > 0 ? 0.5 / eps : 0;
  for (let i = 0; i < a.length; i += 4) {
    for (let c = 0; c < 3; c++) out.data[i + c] = 127.5 + (out.data[i + c] - a[i + c]) * factor;
    out.data[i + 3] = 255;
  }
  context.putImageData(out, 0, 0);
  return factor ? Math.round(factor) : 0;
}

function fillTargets() {
  const model = currentClassifier();
  $("target-class").replaceChildren(...(model ? model.classes.map((c) => option(c)) : []));
}

// ---- reconstruct --------------------------------------------------------------------------------------------

function setUpDrawing() {
  const canvas = $("digit");
  const context = canvas.getContext("2d");
  context.fillStyle = "#000";
  context.fillRect(0, 0, 28, 28);
  let drawing = false;
  const point = (event) => {
    const box = canvas.getBoundingClientRect();
    return [(event.clientX - box.left) * 28 / box.width, (event.clientY - box.top) * 28 / box.height];
  };
  canvas.addEventListener("pointerdown", (event) => {
    drawing = true;
    state.digitSample = null;
    canvas.setPointerCapture(event.pointerId);
    const [x, y] = point(event);
    context.beginPath();
    context.moveTo(x, y);
  });
  canvas.addEventListener("pointermove", (event) => {
    if (!drawing) return;
    const [x, y] = point(event);
    context.strokeStyle = "#fff";
    context.lineWidth = 2.5;
    context.lineCap = "round";
    context.lineJoin = "round";
    context.lineTo(x, y);
    context.stroke();
  });
  const stop = () => { if (drawing) { drawing = false; reconstruct(); } };
  canvas.addEventListener("pointerup", stop);
  canvas.addEventListener("pointercancel", stop);
}

function clearDigit() {
  const context = $("digit").getContext("2d");
  context.fillStyle = "#000";
  context.fillRect(0, 0, 28, 28);
  state.digitSample = null;
  $("digit-sample").value = "";
  $("reconstructions").replaceChildren();
}

async function sampleBytes(name) {
  const response = await fetch(`/web/api/samples/${name}`);
  if (!response.ok) throw new Error(`sample ${name}: ${response.status} ${response.statusText}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function pickDigitSample(name) {
  if (!name) return;
  let bytes;
  try { bytes = await sampleBytes(name); } catch (error) { showError("reconstruct-error", error.message); return; }
  const image = await loadImage(`data:image/png;base64,${base64(bytes)}`);
  $("digit").getContext("2d").drawImage(image, 0, 0, 28, 28);
  state.digitSample = bytes;
  await reconstruct();
}

async function digitBytes() {
  if (state.digitSample) return state.digitSample;
  const blob = await new Promise((resolve) => $("digit").toBlob(resolve, "image/png"));
  return new Uint8Array(await blob.arrayBuffer());
}

async function reconstruct() {
  const models = modelsOf("reconstruction");
  if (models.length === 0) { showError("reconstruct-error", "the server has no reconstruction model"); return; }
  const bytes = await digitBytes();
  try {
    const answers = await Promise.all(models.map((m) => api(`/v2/models/${encodeURIComponent(m.name)}/reconstruct`, {
      method: "POST", headers: { "Content-Type": "application/octet-stream" }, body: bytes,
    })));
    $("reconstructions").replaceChildren(...answers.map((answer) => {
      const figure = document.createElement("figure");
      figure.dataset.model = answer.model;
      figure.dataset.mse = answer.mse;
      const image = document.createElement("img");
      image.src = `data:image/png;base64,${answer.reconstruction}`;
      image.alt = `reconstruction by ${answer.model}`;
      const caption = document.createElement("figcaption");
      caption.innerHTML = `<strong></strong><br>MSE <span class="mse"></span>`;
      caption.querySelector("strong").textContent = answer.model;
      caption.querySelector(".mse").textContent = answer.mse.toFixed(5);
      figure.append(image, caption);
      return figure;
    }));
    showError("reconstruct-error", "");
  } catch (error) {
    showError("reconstruct-error", error.message);
  }
}

// ---- topics -------------------------------------------------------------------------------------------------

async function inferTopics() {
  const model = $("topic-model").value;
  const text = $("topic-text").value;
  if (!model) { showError("topics-error", "the server has no topic model"); return; }
  if (!text.trim()) { showError("topics-error", "paste a text first"); return; }
  try {
    const answer = await api(`/v2/models/${encodeURIComponent(model)}/topics`, {
      method: "POST", headers: { "Content-Type": "text/plain; charset=utf-8" }, body: text,
    });
    const shown = answer.topics.slice(0, Math.max(1, Number($("topic-count").value) || 5));
    $("topic-tokens").textContent = `${answer.knownTokens} of ${answer.tokens} tokens are in the model's vocabulary`;
    bars($("topic-mix"), shown.map((t) => ({
      label: `topic ${t.topic}`, share: t.proportion, extra: t.words.join(" "),
      data: { topic: t.topic, proportion: t.proportion },
    })));
    showError("topics-error", "");
  } catch (error) {
    showError("topics-error", error.message);
  }
}

// ---- model cards --------------------------------------------------------------------------------------------

function renderCards() {
  $("model-cards").replaceChildren(...state.models.map((m) => {
    const card = document.createElement("article");
    card.className = "card";
    const title = document.createElement("h3");
    title.textContent = m.name;
    const facts = document.createElement("p");
    facts.textContent = [m.task, m.card?.arch, m.dataset, m.classes.length ? `${m.classes.length} classes` : "",
      m.attack ? "attackable" : ""].filter(Boolean).join(" · ");
    card.append(title, facts);
    if (m.classes.length) {
      const classes = document.createElement("p");
      classes.textContent = m.classes.join(", ");
      card.append(classes);
    }
    const metrics = m.card?.metrics;
    if (metrics) {
      const table = document.createElement("table");
      for (const [name, value] of Object.entries(metrics)) {
        const row = table.insertRow();
        row.insertCell().textContent = name;
        row.insertCell().textContent = typeof value === "number" ? String(Number(value.toPrecision(4))) : JSON.stringify(value);
      }
      card.append(table);
    }
    if (m.card?.command) {
      const command = document.createElement("code");
      command.textContent = m.card.command;
      card.append(command);
    }
    return card;
  }));
}

// ---- start --------------------------------------------------------------------------------------------------

async function start() {
  for (const tab of document.querySelectorAll(".tab")) {
    tab.addEventListener("click", () => { showView(tab.dataset.view); history.replaceState(null, "", `#${tab.dataset.view}`); });
  }
  const linked = location.hash.slice(1);
  if (document.querySelector(`.tab[data-view="${CSS.escape(linked)}"]`)) showView(linked);
  try {
    [state.models, state.samples] = await Promise.all([api("/web/api/models"), api("/web/api/samples")]);
  } catch (error) {
    showError("load-error", `cannot list the served models: ${error.message}`);
    return;
  }
  renderCards();

  $("classifier").replaceChildren(...modelsOf("classification").map((m) => option(m.name, m.attack ? m.name : `${m.name} (no attack)`)));
  const lenet = modelsOf("classification").find((m) => m.name === "cifar10-lenet");
  if (lenet) $("classifier").value = lenet.name;
  fillTargets();
  $("sample").append(...state.samples.filter((s) => !s.startsWith("mnist/")).map((s) => option(s)));
  $("digit-sample").append(...state.samples.filter((s) => s.startsWith("mnist/")).map((s) => option(s, s.slice(6))));
  $("topic-model").replaceChildren(...modelsOf("topics").map((m) => option(m.name)));

  $("classifier").addEventListener("change", () => { fillTargets(); classify(); });
  $("sample").addEventListener("change", async () => {
    const name = $("sample").value;
    if (!name) return;
    try {
      await useImage(await sampleBytes(name), name);
    } catch (error) {
      showError("classify-error", error.message);
    }
  });
  $("image-file").addEventListener("change", async () => {
    const file = $("image-file").files[0];
    if (file) await useImage(new Uint8Array(await file.arrayBuffer()), file.name);
  });
  const zone = $("drop-zone");
  zone.addEventListener("dragover", (event) => { event.preventDefault(); zone.classList.add("over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", async (event) => {
    event.preventDefault();
    zone.classList.remove("over");
    const file = event.dataTransfer.files[0];
    if (file) await useImage(new Uint8Array(await file.arrayBuffer()), file.name);
  });

  $("eps").addEventListener("input", () => {
    $("eps-value").textContent = Number($("eps").value).toFixed(3);
    scheduleAttack(150);
  });
  $("method").addEventListener("change", () => { $("steps").disabled = $("method").value !== "pgd"; scheduleAttack(0); });
  $("steps").addEventListener("change", () => scheduleAttack(0));
  $("targeted").addEventListener("change", () => { $("target-class").disabled = !$("targeted").checked; scheduleAttack(0); });
  $("target-class").addEventListener("change", () => scheduleAttack(0));

  setUpDrawing();
  $("clear-digit").addEventListener("click", clearDigit);
  $("reconstruct").addEventListener("click", reconstruct);
  $("digit-sample").addEventListener("change", () => pickDigitSample($("digit-sample").value));
  $("infer-topics").addEventListener("click", inferTopics);
  document.body.dataset.ready = "true";
}

start();
