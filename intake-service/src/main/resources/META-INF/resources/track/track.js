/* Tousu complaint tracker: uses only the public tracking API (/api/v1/track/...).
 * No cookies, no storage: the language lives in the URL (?lang=en), the last four digits only in memory. */
(function () {
  'use strict';

  var EN = {
    title: 'Track your complaint',
    skip: 'Skip to main content',
    intro: 'Enter your ticket number and the last four digits of the phone number you registered to see how your complaint is going.',
    ticketLabel: 'Ticket number',
    ticketHint: '2 letters and 14 digits, e.g. GD20261122000123',
    digitsLabel: 'Last 4 digits of your phone number',
    digitsHint: 'The last 4 digits of the phone number you gave with the complaint',
    lookup: 'Show progress',
    ticketNo: 'Ticket',
    currentStage: 'Now: ',
    timeline: 'What has happened',
    nextStep: 'Next step',
    whatYouCanDo: 'What you can do',
    urge: 'Ask us to hurry (urge)',
    addInfo: 'Add information',
    infoLabel: 'What you want to add',
    infoHint: 'For example when the problem happened again. Never enter passwords or other secrets.',
    send: 'Send',
    suggest: 'Leave a suggestion',
    suggestLabel: 'Your suggestion',
    followUpTitle: 'Follow-up: tell us how it went',
    resolvedQ: 'Is the problem solved?',
    yesSolved: 'Yes, solved',
    notSolved: 'No, not solved',
    satisfiedQ: 'Are you satisfied with how we handled it?',
    satisfied: 'Satisfied',
    unsatisfied: 'Not satisfied',
    commentLabel: 'Anything else (optional)',
    sendAnswer: 'Send my answer',
    privacy: 'This page uses no cookies and keeps nothing you enter.'
  };

  var MSG = {
    zh: {
      looking: '正在查询…',
      sending: '正在提交…',
      found: '已找到您的投诉，当前进度：{stage}。',
      urged: '已收到您的催单，我们会尽快处理。',
      infoSent: '您补充的信息已提交。',
      suggestSent: '感谢您的建议，已提交。',
      followUpSent: '感谢您的答复，已提交。',
      due: '预计在 {time} 前',
      urgeHelp: '催单会提醒处理人员尽快处理。',
      urgeCount: '您已催单 {n} 次。',
      urgeOnce: '您已催单 1 次。',
      urgeRecent: '您刚刚催过单，我们已收到。请稍后再催。',
      urgeDone: '投诉已处理完毕，无需催单。',
      infoClosed: '投诉已处理完毕，无法再补充信息；如问题仍未解决，请在回访中告诉我们，或留下建议。',
      notFound: '未找到与该投诉单号和手机号码后四位相符的投诉。请核对两项后重试。',
      tooMany: '尝试次数过多。为保护您的信息，请{wait}再试。',
      waitMinutes: ' {n} 分钟后',
      waitLater: '稍后',
      invalid: '{field}：{message}',
      conflict: '当前进度下无法进行这项操作，页面已更新为最新进度。',
      network: '无法连接到服务器。请检查网络连接后重试。',
      server: '服务暂时不可用，请稍后再试。',
      required: '此项必填',
      ticketFormat: '请输入正确的投诉单号：2 个字母加 14 位数字，例如 GD20261122000123',
      digitsFormat: '请输入手机号码的最后 4 位数字',
      textRequired: '请填写内容',
      chooseOne: '请选择一项',
      maxChars: '最多 {n} 个字',
      fields: { ticketNo: '投诉单号', verification: '手机号码后四位', text: '内容', comment: '其他意见',
        satisfied: '是否满意', resolved: '是否解决', body: '请求' }
    },
    en: {
      looking: 'Looking up…',
      sending: 'Sending…',
      found: 'Found your complaint. Now: {stage}.',
      urged: 'We got your reminder and will hurry.',
      infoSent: 'Your information has been added.',
      suggestSent: 'Thank you, your suggestion has been sent.',
      followUpSent: 'Thank you, your answer has been sent.',
      due: 'Expected by {time}',
      urgeHelp: 'Urging reminds the team to deal with your complaint sooner.',
      urgeCount: 'You have urged {n} times.',
      urgeOnce: 'You have urged once.',
      urgeRecent: 'You urged a moment ago and we got it. You can urge again a little later.',
      urgeDone: 'Your complaint has been resolved, so there is no need to urge.',
      infoClosed: 'Your complaint has been resolved, so information can no longer be added. If the problem is not solved, say so in the follow-up or leave a suggestion.',
      notFound: 'We found no complaint with this ticket number and these last four digits. Check both and try again.',
      tooMany: 'Too many attempts. To protect your information, try again {wait}.',
      waitMinutes: 'in {n} minutes',
      waitLater: 'later',
      invalid: '{field}: {message}',
      conflict: 'This cannot be done at the current stage; the page now shows the latest progress.',
      network: 'Cannot reach the server. Check your connection and try again.',
      server: 'The service is not available right now. Please try again later.',
      required: 'is required',
      ticketFormat: 'must be a ticket number: 2 letters and 14 digits, e.g. GD20261122000123',
      digitsFormat: 'must be the last 4 digits of your phone number',
      textRequired: 'please write something',
      chooseOne: 'please choose one',
      maxChars: 'must be at most {n} characters',
      fields: { ticketNo: 'Ticket number', verification: 'Last 4 digits', text: 'Text', comment: 'Comment',
        satisfied: 'Satisfied', resolved: 'Solved', body: 'Request' }
    }
  };

  var TICKET = /^[A-Z]{2}[0-9]{14}$/;
  var DIGITS = /^[0-9]{4}$/;
  var CLOSED_STAGES = { RESOLVED: true, FOLLOWED_UP: true, CLOSED: true };

  var lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
  var ZH = {};
  var state = { ticket: null, digits: null, view: null };
  var busy = false;

  function $(id) { return document.getElementById(id); }

  function fmt(text, params) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return params && k in params ? params[k] : m; });
  }

  function t(key, params) { return fmt(MSG[lang][key], params); }

  function formatTime(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) { return iso; }
    return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
      year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false
    }).format(d);
  }

  /* ---------- language ---------- */

  function applyLanguage() {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    var nodes = document.querySelectorAll('[data-i18n]');
    for (var i = 0; i < nodes.length; i++) {
      var key = nodes[i].getAttribute('data-i18n');
      if (!(key in ZH)) { ZH[key] = nodes[i].textContent; }
      nodes[i].textContent = lang === 'en' ? EN[key] : ZH[key];
    }
    document.title = lang === 'en' ? EN.title : ZH.title;
    var sw = $('lang-switch');
    var other = lang === 'en' ? 'zh' : 'en';
    var url = new URL(location.href);
    if (other === 'en') { url.searchParams.set('lang', 'en'); } else { url.searchParams.delete('lang'); }
    sw.href = url.pathname + url.search;
    sw.textContent = other === 'en' ? 'English' : '中文';
    sw.lang = other === 'en' ? 'en' : 'zh-CN';
    sw.hreflang = sw.lang;
    if (state.view) { render(state.view); }
  }

  function switchLanguage(event) {
    event.preventDefault();
    lang = lang === 'en' ? 'zh' : 'en';
    var url = new URL(location.href);
    if (lang === 'en') { url.searchParams.set('lang', 'en'); } else { url.searchParams.delete('lang'); }
    history.replaceState(null, '', url.pathname + url.search + url.hash);
    clearMessages();
    applyLanguage();
    $('lang-switch').focus();
  }

  /* ---------- messages ---------- */

  /* Messages appear where the customer is: under the look-up form, or with the actions. */
  var place = '';

  function clearMessages() {
    var prefixes = ['', 'action-'];
    for (var i = 0; i < prefixes.length; i++) {
      $(prefixes[i] + 'alert').hidden = true;
      $(prefixes[i] + 'alert').textContent = '';
      $(prefixes[i] + 'status').textContent = '';
    }
  }

  function showError(text, top) {
    clearMessages();
    var alert = $((top ? '' : place) + 'alert');
    alert.textContent = text;
    alert.hidden = false;
  }

  function showStatus(text) {
    clearMessages();
    $(place + 'status').textContent = text;
  }

  function setFieldError(input, errorEl, text) {
    errorEl.textContent = text || '';
    if (text) { input.setAttribute('aria-invalid', 'true'); } else { input.removeAttribute('aria-invalid'); }
  }

  function clearFieldErrors() {
    var errs = document.querySelectorAll('.field-error');
    for (var i = 0; i < errs.length; i++) { errs[i].textContent = ''; }
    var invalid = document.querySelectorAll('[aria-invalid]');
    for (var j = 0; j < invalid.length; j++) { invalid[j].removeAttribute('aria-invalid'); }
  }

  /* Server messages are English; the Chinese page says the known ones in Chinese. */
  function localizeServerMessage(message) {
    if (lang === 'en' || !message) { return message || ''; }
    var max = /at most (\d+) characters/.exec(message);
    if (max) { return t('maxChars', { n: max[1] }); }
    if (/ticket number/.test(message)) { return t('ticketFormat'); }
    if (/four digits/.test(message)) { return t('digitsFormat'); }
    if (/true or false/.test(message)) { return t('chooseOne'); }
    if (/^is required/.test(message)) { return t('required'); }
    return message;
  }

  var FIELD_INPUTS = {
    ticketNo: ['ticket', 'ticket-error'],
    verification: ['digits', 'digits-error']
  };

  /* Shows the message for a failed call; returns true when the customer must look up again. */
  function showProblem(res, textFields) {
    var s = res.status;
    if (s === 0) { showError(t('network')); return false; }
    if (s === 404) { showError(t('notFound'), true); return true; }
    if (s === 429) {
      var m = res.data && /(\d+) minutes/.exec(res.data.detail || '');
      showError(t('tooMany', { wait: m ? t('waitMinutes', { n: m[1] }) : t('waitLater') }), true);
      return true;
    }
    if (s === 400) {
      var v = (res.data && res.data.violations) || [];
      var lines = [];
      for (var i = 0; i < v.length; i++) {
        var field = String(v[i].field || '');
        var message = localizeServerMessage(v[i].message);
        var name = MSG[lang].fields[field] || field;
        lines.push(t('invalid', { field: name, message: message }));
        var target = FIELD_INPUTS[field] || (textFields && textFields[field]);
        if (target) { setFieldError($(target[0]), $(target[1]), message); }
      }
      showError(lines.length ? lines.join('\n') : (res.data && res.data.detail) || t('server'));
      return false;
    }
    if (s === 409) { showError(t('conflict')); return false; }
    showError(t('server'));
    return false;
  }

  /* ---------- API ---------- */

  function apiUrl(ticket, action) {
    return new URL('../api/v1/track/' + encodeURIComponent(ticket) + (action ? '/' + action : ''), location.href);
  }

  function call(method, url, body) {
    var ctrl = typeof AbortController === 'function' ? new AbortController() : null;
    var timer = ctrl ? setTimeout(function () { ctrl.abort(); }, 20000) : null;
    var headers = { 'Accept': 'application/json' };
    if (body) { headers['Content-Type'] = 'application/json'; }
    return fetch(url, {
      method: method, headers: headers, body: body ? JSON.stringify(body) : undefined,
      credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer', signal: ctrl ? ctrl.signal : undefined
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (data) {
        return { status: response.status, data: data };
      });
    }).catch(function () {
      return { status: 0, data: null };
    }).then(function (res) {
      if (timer) { clearTimeout(timer); }
      return res;
    });
  }

  function setBusy(on) {
    busy = on;
    $('result').setAttribute('aria-busy', on ? 'true' : 'false');
    var buttons = document.querySelectorAll('button[type=submit]');
    for (var i = 0; i < buttons.length; i++) { buttons[i].disabled = on; }
    if (state.view) { $('urge').disabled = on || !state.view.canUrge; } else { $('urge').disabled = on; }
  }

  /* ---------- rendering ---------- */

  function stageLabel(s) { return lang === 'en' ? s.labelEn : s.labelZh; }

  function render(view) {
    state.view = view;
    $('result-ticket').textContent = view.ticketNo;
    var stages = view.stages || [];
    var current = stages.length ? stages[stages.length - 1] : null;
    $('current-stage').textContent = current ? stageLabel(current) : view.currentStage;

    var list = $('timeline');
    while (list.firstChild) { list.removeChild(list.firstChild); }
    for (var i = 0; i < stages.length; i++) {
      var li = document.createElement('li');
      var last = i === stages.length - 1;
      li.className = last ? 'current' : 'done';
      if (last) { li.setAttribute('aria-current', 'step'); }
      var label = document.createElement('span');
      label.className = 'stage';
      label.textContent = stageLabel(stages[i]);
      var time = document.createElement('time');
      time.dateTime = stages[i].at;
      time.textContent = formatTime(stages[i].at);
      li.appendChild(label);
      li.appendChild(time);
      list.appendChild(li);
    }

    var next = view.nextStep || {};
    $('next-text').textContent = lang === 'en' ? next.en : next.zh;
    var due = $('next-due');
    if (next.dueAt) {
      due.textContent = t('due', { time: formatTime(next.dueAt) });
      due.hidden = false;
    } else {
      due.textContent = '';
      due.hidden = true;
    }

    var finished = CLOSED_STAGES[view.currentStage] === true;
    var urge = $('urge');
    urge.disabled = busy || !view.canUrge;
    var note;
    if (view.canUrge) {
      note = t('urgeHelp');
    } else if (finished) {
      note = t('urgeDone');
    } else {
      note = t('urgeRecent');
    }
    if (view.urgeCount > 0) {
      note += (lang === 'en' ? ' ' : '') + (view.urgeCount === 1 ? t('urgeOnce') : t('urgeCount', { n: view.urgeCount }));
    }
    $('urge-note').textContent = note;
    $('urge-box').className = 'action' + (view.canUrge ? '' : ' muted');

    $('info-box').hidden = finished;
    $('followup-form').hidden = !view.followUpPending;
    $('result').hidden = false;
  }

  /* ---------- actions ---------- */

  function lookup(event) {
    event.preventDefault();
    if (busy) { return; }
    place = '';
    clearMessages();
    clearFieldErrors();
    var ticketInput = $('ticket');
    var digitsInput = $('digits');
    var ticket = ticketInput.value.replace(/[\s-]/g, '').toUpperCase();
    var digits = digitsInput.value.replace(/\s/g, '');
    var firstBad = null;
    if (!TICKET.test(ticket)) {
      setFieldError(ticketInput, $('ticket-error'), ticket ? t('ticketFormat') : t('required'));
      firstBad = ticketInput;
    }
    if (!DIGITS.test(digits)) {
      setFieldError(digitsInput, $('digits-error'), digits ? t('digitsFormat') : t('required'));
      firstBad = firstBad || digitsInput;
    }
    if (firstBad) { firstBad.focus(); return; }
    ticketInput.value = ticket;
    showStatus(t('looking'));
    setBusy(true);
    var url = apiUrl(ticket);
    url.searchParams.set('verification', digits);
    call('GET', url).then(function (res) {
      setBusy(false);
      if (res.status === 200 && res.data) {
        state.ticket = ticket;
        state.digits = digits;
        render(res.data);
        var stages = res.data.stages || [];
        showStatus(t('found', { stage: stages.length ? stageLabel(stages[stages.length - 1]) : '' }));
        $('result-title').focus();
      } else {
        state.view = null;
        state.digits = null;
        $('result').hidden = true;
        showProblem(res);
        ticketInput.focus();
      }
    });
  }

  /* Posts an action; on success shows the new view and the message. */
  function act(action, body, okKey, textFields, after) {
    if (busy || !state.view) { return; }
    place = 'action-';
    clearMessages();
    clearFieldErrors();
    showStatus(t('sending'));
    setBusy(true);
    body.verification = state.digits;
    call('POST', apiUrl(state.ticket, action), body).then(function (res) {
      setBusy(false);
      if (res.status === 200 && res.data) {
        render(res.data);
        showStatus(t(okKey));
        if (after) { after(); }
        return;
      }
      var again = showProblem(res, textFields);
      if (again) {
        state.view = null;
        state.digits = null;
        $('result').hidden = true;
        $('digits').value = '';
        $('digits').focus();
      } else if (res.status === 409) {
        refresh();
      }
    });
  }

  function refresh() {
    var url = apiUrl(state.ticket);
    url.searchParams.set('verification', state.digits);
    call('GET', url).then(function (res) {
      if (res.status === 200 && res.data) { render(res.data); }
    });
  }

  function textAction(formId, textId, errorId, action, okKey, boxId) {
    $(formId).addEventListener('submit', function (event) {
      event.preventDefault();
      var area = $(textId);
      var text = area.value.trim();
      clearFieldErrors();
      if (!text) {
        setFieldError(area, $(errorId), t('textRequired'));
        area.focus();
        return;
      }
      act(action, { text: text }, okKey, { text: [textId, errorId] }, function () {
        area.value = '';
        $(boxId).open = false;
        $(boxId).querySelector('summary').focus();
      });
    });
  }

  function choice(name) {
    var checked = document.querySelector('input[name=' + name + ']:checked');
    return checked ? checked.value === 'true' : null;
  }

  function followUp(event) {
    event.preventDefault();
    clearFieldErrors();
    var resolved = choice('resolved');
    var satisfied = choice('satisfied');
    if (resolved === null || satisfied === null) {
      $('followup-error').textContent = t('chooseOne');
      var first = document.querySelector('input[name=' + (resolved === null ? 'resolved' : 'satisfied') + ']');
      first.focus();
      return;
    }
    var comment = $('followup-comment').value.trim();
    var body = { resolved: resolved, satisfied: satisfied };
    if (comment) { body.comment = comment; }
    act('follow-up', body, 'followUpSent', { comment: ['followup-comment', 'followup-error'] }, function () {
      $('followup-comment').value = '';
      $('result-title').focus();
    });
  }

  /* ---------- start ---------- */

  applyLanguage();
  $('lang-switch').addEventListener('click', switchLanguage);
  $('lookup').addEventListener('submit', lookup);
  $('urge').addEventListener('click', function () {
    act('urge', {}, 'urged', null, function () { if ($('urge').disabled) { $('urge-note').focus(); } });
  });
  textAction('info-form', 'info-text', 'info-error', 'information', 'infoSent', 'info-box');
  textAction('suggest-form', 'suggest-text', 'suggest-error', 'suggestions', 'suggestSent', 'suggest-box');
  $('followup-form').addEventListener('submit', followUp);
  var preset = new URLSearchParams(location.search).get('ticket');
  if (preset && TICKET.test(preset.toUpperCase())) {
    $('ticket').value = preset.toUpperCase();
  }
}());
