// The upload form with JavaScript: files can also be dropped on the file field, and while the
// form is sent each file shows its progress. Without this script (or where it cannot run) the
// form posts as a plain multipart form and the browser's loading indicator is the progress.
//
// The form is posted by XMLHttpRequest (fetch reports no upload progress) with the header
// X-Portal-Script. The server answers such a request's redirect with 204 and the target in
// X-Portal-Next, and the script goes there (see server/src/http/scripted_upload.rs). On any
// other answer, or when the connection fails, the form is submitted normally.
(() => {
  'use strict';

  const KB = 1024;
  const MB = 1024 * 1024;

  /** 「1.2MB」「340KB」「12バイト」 */
  const size = (bytes) => {
    if (bytes >= MB) return `${(bytes / MB).toFixed(1)}MB`;
    if (bytes >= KB) return `${Math.max(1, Math.round(bytes / KB))}KB`;
    return `${bytes}バイト`;
  };

  const element = (tag, attributes, text) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  };

  /** The chosen files, listed under the field so that dropped files can be checked. */
  const showChosen = (list, files) => {
    list.replaceChildren();
    list.hidden = files.length === 0;
    if (files.length === 0) return;
    const total = Array.from(files).reduce((sum, f) => sum + f.size, 0);
    list.append(element('p', { class: 'upload__count' }, `${files.length}件を選んでいます（合計 ${size(total)}）`));
    const items = element('ul', { class: 'upload__files' });
    for (const file of files) items.append(element('li', {}, `${file.name}（${size(file.size)}）`));
    list.append(items);
  };

  /** Drop on the field: the dropped files join those already chosen. */
  const acceptDrops = (field, input, chosen) => {
    field.classList.add('upload__drop');
    const hint = element('p', { class: 'field__hint upload__drop-hint' },
      'ファイルをここにドラッグ＆ドロップして追加することもできます。');
    input.before(hint);
    const over = (event) => {
      if (!event.dataTransfer || !Array.from(event.dataTransfer.types).includes('Files')) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      field.classList.add('upload__drop--over');
    };
    field.addEventListener('dragenter', over);
    field.addEventListener('dragover', over);
    field.addEventListener('dragleave', (event) => {
      if (!field.contains(event.relatedTarget)) field.classList.remove('upload__drop--over');
    });
    field.addEventListener('drop', (event) => {
      field.classList.remove('upload__drop--over');
      if (!event.dataTransfer || event.dataTransfer.files.length === 0) return;
      event.preventDefault();
      const all = new DataTransfer();
      for (const file of input.files) all.items.add(file);
      for (const file of event.dataTransfer.files) all.items.add(file);
      input.files = all.files;
      showChosen(chosen, input.files);
    });
    input.addEventListener('change', () => showChosen(chosen, input.files));
  };

  /** The progress panel: the whole upload, then one bar per file. */
  const progressPanel = (form, files) => {
    const panel = element('div', { class: 'upload__progress' });
    // The visible line follows every event; the status region, read out by screen readers,
    // changes every tenth percent only.
    const starting = 'アップロードを始めています…';
    const line = element('p', { class: 'upload__status', 'aria-hidden': 'true' }, starting);
    const status = element('p', { class: 'u-visually-hidden', role: 'status' }, starting);
    const overall = element('progress', { class: 'upload__bar', max: '100', value: '0', 'aria-label': '全体の進み具合' });
    const rows = element('ul', { class: 'upload__files' });
    const bars = Array.from(files).map((file) => {
      const bar = element('progress', { class: 'upload__bar', max: String(Math.max(file.size, 1)), value: '0', 'aria-label': `${file.name}の進み具合` });
      const state = element('span', { class: 'upload__state' }, '待っています');
      const row = element('li', { class: 'upload__file' }, `${file.name}（${size(file.size)}）`);
      row.append(' ', state, bar);
      rows.append(row);
      return { file, bar, state };
    });
    panel.append(line, status, overall, rows);
    form.append(panel);
    panel.scrollIntoView({ block: 'nearest' });
    const say = (text, announce) => {
      line.textContent = text;
      if (announce) status.textContent = text;
    };
    let announced = -1;
    return {
      /** `sent` of `total` request bytes are on their way (the files are sent in order). */
      update(sent, total) {
        const percent = total > 0 ? Math.min(100, Math.floor((sent / total) * 100)) : 0;
        overall.value = percent;
        // The request also carries the form's boundaries and fields: files get their share.
        const fileBytes = bars.reduce((sum, b) => sum + b.file.size, 0);
        let left = total > 0 ? (sent / total) * fileBytes : 0;
        for (const b of bars) {
          const done = Math.min(b.file.size, left);
          left -= done;
          b.bar.value = done;
          b.state.textContent = done >= b.file.size ? '送りました' : done > 0 ? '送っています' : '待っています';
        }
        const step = Math.floor(percent / 10);
        say(`アップロード中 ${percent}%（${size(sent)}／${size(total)}）`, step !== announced);
        announced = step;
      },
      checking() {
        overall.value = 100;
        for (const b of bars) {
          b.bar.value = b.file.size;
          b.state.textContent = '送りました';
        }
        say('アップロードが終わりました。ファイルの内容を確認しています…', true);
      },
      failed() {
        say('この画面からの送信がうまくいかなかったため、もう一度送っています…', true);
      },
    };
  };

  const enhance = (form) => {
    const input = form.querySelector('input[type="file"]');
    const field = input && input.closest('.field');
    if (!input || !field || !('DataTransfer' in window)) return;
    const chosen = element('div', { class: 'upload__chosen', hidden: '' });
    input.after(chosen);
    acceptDrops(field, input, chosen);
    // Files the browser kept on the form (going back to the page) are listed too.
    showChosen(chosen, input.files);
    let sending = false;
    form.addEventListener('submit', (event) => {
      // Nothing chosen: the server's own message (「送るファイルを選んでください」) is shown.
      if (sending || input.files.length === 0) return;
      event.preventDefault();
      sending = true;
      const body = new FormData(form);
      // The panel lists the files with their progress in place of the list of chosen ones.
      chosen.hidden = true;
      const panel = progressPanel(form, input.files);
      form.classList.add('upload__sending');
      for (const button of form.querySelectorAll('button[type="submit"]')) button.disabled = true;
      const fallBack = () => {
        panel.failed();
        form.submit();
      };
      const request = new XMLHttpRequest();
      request.open('POST', form.action);
      request.setRequestHeader('X-Portal-Script', 'upload');
      request.upload.addEventListener('progress', (e) => {
        if (e.lengthComputable) panel.update(e.loaded, e.total);
      });
      request.upload.addEventListener('load', () => panel.checking());
      request.addEventListener('load', () => {
        const next = request.getResponseHeader('X-Portal-Next') || '';
        if (request.status === 204 && next.startsWith('/') && !next.startsWith('//')) {
          window.location.assign(next);
        } else {
          fallBack();
        }
      });
      request.addEventListener('error', fallBack);
      request.addEventListener('timeout', fallBack);
      request.send(body);
    });
  };

  for (const form of document.querySelectorAll('form[data-upload]')) enhance(form);
})();
