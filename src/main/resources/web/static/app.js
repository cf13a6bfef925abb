/*
 * The Ludo web client: create or join a game over REST, then follow it over the SockJS
 * event-bus bridge (/eventbus) and send commands there. The page keeps the last game view and
 * folds the events that follow it; whenever it is unsure (a gap, a structural event, a
 * reconnect), it fetches GET /games/{id} again and continues from that view's seq.
 * Without the bridge's browser libraries (a build without npm) it says so and falls back to
 * polling the REST view. Friends: the lobby lists open games and joins by invite code
 * (/?invite=CODE links too); a game shows its code, offers "play again" at its end, and has a chat.
 */
(function () {
  'use strict';
  var COLORS = LudoBoard.COLORS;
  var DICE_FACES = ['', '⚀', '⚁', '⚂', '⚃', '⚄', '⚅'];
  var STRUCTURAL = ['PLAYER_JOINED', 'PLAYER_LEFT', 'GAME_STARTED', 'GAME_FINISHED', 'PLAYER_FINISHED',
    'TURN_TIMER_SET', 'TURN_TIMED_OUT', 'PLAYER_RETURNED'];
  var POLL_MS = 1500;
  var LOBBY_MS = 5000;

  var $ = function (id) { return document.getElementById(id); };

  var app = {
    gameId: null,
    spectate: false,
    seat: null,        // {player_id, token, seat, name} when this page holds a seat
    view: null,        // the last game view, kept up to date by events
    eb: null,
    registered: null,  // the handler registered on the bridge
    pending: false,    // a command is in flight
    fetching: null,    // the REST fetch in flight
    refetchAgain: false,
    pollTimer: null,
    opens: 0,          // bridge connections opened (reconnects included)
    logged: 0,         // highest seq written to the move log
    lastRoll: null,    // the last dice seen in an event (the view has dice only while a move is due)
    board: null,
    lobbyTimer: null,
    chatSeen: {}       // chat lines shown, by their at+seat+text (history and live frames overlap)
  };

  // ---------- small helpers ----------

  function show(id) {
    ['lobby', 'join', 'game'].forEach(function (s) { $(s).hidden = s !== id; });
  }

  function notice(text, kind) {
    var n = $('notice');
    if (!text) { n.hidden = true; n.textContent = ''; return; }
    n.textContent = text;
    n.setAttribute('data-kind', kind || 'info');
    n.hidden = false;
  }

  function conn(state, text) {
    var c = $('conn');
    c.setAttribute('data-state', state);
    c.textContent = text;
  }

  function storageKey(gameId) { return 'ludo.seat.' + gameId; }

  function loadSeat(gameId) {
    try { return JSON.parse(sessionStorage.getItem(storageKey(gameId)) || 'null'); } catch (e) { return null; }
  }

  function saveSeat(gameId, seat) {
    try { sessionStorage.setItem(storageKey(gameId), JSON.stringify(seat)); } catch (e) { /* private mode */ }
    try { localStorage.setItem('ludo.name', seat.name); } catch (e) { /* private mode */ }
  }

  function rememberedName() {
    try { return localStorage.getItem('ludo.name') || ''; } catch (e) { return ''; }
  }

  /** fetch() that answers the JSON body, or fails with the problem's detail and code. */
  function api(method, path, body, token) {
    var headers = { 'Accept': 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers['Authorization'] = 'Bearer ' + token;
    return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (res) {
        return res.text().then(function (text) {
          var json = null;
          try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
          if (!res.ok) {
            var err = new Error((json && (json.detail || json.title)) || ('HTTP ' + res.status));
            err.status = res.status;
            err.code = json && json.code;
            throw err;
          }
          return json;
        });
      });
  }

  function playerAt(seat) {
    var players = (app.view && app.view.players) || [];
    for (var i = 0; i < players.length; i++) if (players[i].seat === seat) return players[i];
    return null;
  }

  function nameOf(seat) {
    var p = playerAt(seat);
    return p ? p.display_name : COLORS[seat];
  }

  function swatch(seat) {
    var s = document.createElement('span');
    s.className = 'swatch';
    s.style.background = 'var(--' + COLORS[seat] + ')';
    s.setAttribute('aria-hidden', 'true');
    return s;
  }

  // ---------- screens ----------

  function start() {
    app.board = new LudoBoard.Board($('board'), function (seat, index) { move(index); });
    var params = new URLSearchParams(location.search);
    var gameId = params.get('game');
    $('create-name').value = rememberedName();
    $('join-name').value = rememberedName();
    $('code-name').value = rememberedName();
    wireForms();
    wireFriends();
    if (!gameId) {
      show('lobby');
      if (params.get('invite')) $('code-input').value = params.get('invite');
      refreshLobby();
      app.lobbyTimer = setInterval(refreshLobby, LOBBY_MS);
      return;
    }
    app.gameId = gameId;
    app.spectate = params.has('spectate');
    app.seat = app.spectate ? null : loadSeat(gameId);
    if (app.spectate || app.seat) { enterGame(); return; }
    showJoin(gameId);
  }

  function wireForms() {
    $('create-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var name = $('create-name').value.trim();
      var body = { player_name: name, max_players: Number($('create-players').value) };
      var bots = Number($('create-bots').value);
      if (bots > 0) body.bots = bots;
      var timeout = Number($('create-timer').value);
      if (timeout > 0) body.turn_timeout_ms = timeout;
      if ($('create-public').checked) body.visibility = 'public';
      var room = $('create-room').value.trim();
      if (room) body.room_name = room;
      $('create-button').disabled = true;
      api('POST', '/games', body).then(function (reply) {
        seated(reply, name);
      }).catch(function (err) {
        if (bots > 0 && err.status === 400 && /additional propert/i.test(err.message)) {
          notice('This server does not offer bots (' + err.message + '). Choose 0 bots and create again.', 'error');
        } else {
          notice('Could not create the game: ' + err.message, 'error');
        }
      }).then(function () { $('create-button').disabled = false; });
    });
    $('open-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var id = $('open-id').value.trim();
      var spectate = e.submitter && e.submitter.value === 'spectate';
      location.search = '?game=' + encodeURIComponent(id) + (spectate ? '&spectate' : '');
    });
    $('join-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var name = $('join-name').value.trim();
      $('join-button').disabled = true;
      api('POST', '/games/' + encodeURIComponent(app.gameId) + '/join', { player_name: name }).then(function (reply) {
        seated(reply, name);
      }).catch(function (err) {
        notice('Could not join: ' + err.message + (err.code === 'GAME_FULL' || err.code === 'GAME_STARTED'
          ? ' You can still watch.' : ''), 'error');
      }).then(function () { $('join-button').disabled = false; });
    });
    var players = $('create-players');
    var limitBots = function () {
      var max = Number(players.value) - 1;
      Array.prototype.forEach.call($('create-bots').options, function (o) { o.disabled = Number(o.value) > max; });
      if (Number($('create-bots').value) > max) $('create-bots').value = String(max);
    };
    players.addEventListener('change', limitBots);
    limitBots();
    $('roll').addEventListener('click', roll);
    $('start').addEventListener('click', startGame);
    $('copy').addEventListener('click', function () {
      var input = $('share-link');
      input.select();
      if (navigator.clipboard) navigator.clipboard.writeText(input.value).catch(function () {});
      else document.execCommand('copy');
      $('copy').textContent = 'Copied';
    });
  }

  function showJoin(gameId) {
    show('join');
    $('join-game-id').textContent = gameId;
    $('watch-link').href = '?game=' + encodeURIComponent(gameId) + '&spectate';
    api('GET', '/games/' + encodeURIComponent(gameId)).then(function (view) {
      var taken = (view.players || []).map(function (p) { return p.display_name; }).join(', ');
      $('join-summary').textContent = view.status === 'WAITING'
        ? 'Waiting for players: ' + (view.players || []).length + ' of ' + view.max_players + (taken ? ' (' + taken + ')' : '') + '.'
        : 'This game has ' + (view.status === 'FINISHED' ? 'finished' : 'started') + '; you can watch it.';
    }).catch(function (err) {
      $('join-summary').textContent = err.status === 404 ? 'No such game.' : 'Could not load the game: ' + err.message;
    });
  }

  function seated(reply, name) {
    app.gameId = reply.game_id;
    app.seat = { player_id: reply.player_id, token: reply.token, seat: reply.seat, name: name };
    saveSeat(reply.game_id, app.seat);
    history.replaceState(null, '', '?game=' + encodeURIComponent(reply.game_id));
    notice(null);
    if (reply.state && typeof reply.state === 'object' && reply.state.seq !== undefined) setView(reply.state);
    enterGame();
  }

  function enterGame() {
    if (app.lobbyTimer) { clearInterval(app.lobbyTimer); app.lobbyTimer = null; }
    show('game');
    $('game-title').textContent = 'Game ' + app.gameId;
    if (app.seat) {
      $('share').hidden = false;
      $('share-link').value = location.origin + location.pathname + '?game=' + encodeURIComponent(app.gameId);
      $('chat-form').hidden = false;
    }
    loadChat();
    if (app.spectate) {
      $('controls').hidden = true;
      document.body.classList.add('spectating');
    }
    refetch();
    if (typeof window.EventBus === 'function' && typeof window.SockJS === 'function') {
      connect();
    } else {
      notice('The live connection library is missing: this server was built without the web client ' +
        '(build it on a machine with npm). The page refreshes the game every ' +
        (POLL_MS / 1000) + ' s over plain HTTP instead.', 'info');
      conn('polling', 'polling');
      app.pollTimer = setInterval(refetch, POLL_MS);
    }
    render();
  }

  // ---------- the view ----------

  function setView(view) {
    var fresh = !app.view;
    app.view = view;
    if (fresh || view.seq > app.logged) logFromView(view);
    render();
  }

  /** GET /games/{id}: the authority whenever the folded view may be wrong. One at a time. */
  function refetch() {
    if (app.fetching) { app.refetchAgain = true; return app.fetching; }
    app.fetching = api('GET', '/games/' + encodeURIComponent(app.gameId)).then(function (view) {
      if (!app.view || view.seq >= app.view.seq) setView(view);
    }).catch(function (err) {
      if (err.status === 404) notice('No such game: ' + app.gameId, 'error');
    }).then(function () {
      app.fetching = null;
      if (app.refetchAgain) { app.refetchAgain = false; refetch(); }
    });
    return app.fetching;
  }

  function onMessage(m) {
    if (!m || typeof m !== 'object') return;
    if (m.type === 'state') {
      var view = Object.assign({}, m);
      delete view.type;
      if (!app.view || view.seq >= app.view.seq) setView(view);
      return;
    }
    if (m.type === 'chat') { showChat(m); return; }
    if (m.type === 'rematch') {
      if (app.view) app.view.rematch_game_id = m.rematch_game_id;
      render();
      return;
    }
    if (m.type === 'reconnect') {
      // The game moved to another node: register again (reaching the new owner) and resync.
      reregister();
      refetch();
      return;
    }
    if (m.type !== 'event' || !app.view) return;
    if (m.seq <= app.view.seq) return;                       // already in the view
    if (m.seq !== app.view.seq + 1) { refetch(); return; }    // a gap: the REST view decides
    apply(m.event, m.turn);
    app.view.seq = m.seq;
    logEvent(m.event, m.seq);
    render();
    if (STRUCTURAL.indexOf(m.event.type) >= 0) refetch();
  }

  function apply(event, turn) {
    var v = app.view;
    if (event.type === 'TOKEN_MOVED' && v.tokens && v.tokens[event.seat]) {
      v.tokens[event.seat][event.token_index] = event.to;
      (event.captured_tokens || []).forEach(function (c) {
        if (v.tokens[c.seat]) v.tokens[c.seat][c.token_index] = -1;
      });
    }
    if (event.type === 'DICE_ROLLED') app.lastRoll = event.dice_value;
    if (event.type === 'GAME_FINISHED') { v.status = 'FINISHED'; v.winner = event.winner; }
    if (turn) {
      v.turn_deadline = turn.turn_deadline === undefined ? null : turn.turn_deadline;
      v.current = turn.current;
      v.phase = turn.phase;
      v.dice = turn.dice;
      v.legal_moves = turn.legal_moves || [];
      if (turn.phase === 'FINISHED') v.status = 'FINISHED';
    }
  }

  // ---------- the move log ----------

  function logLine(text, seq) {
    var li = document.createElement('li');
    li.textContent = text;
    li.value = seq;   // numbered by the game's event seq, which the server's event log shares
    var log = $('log');
    log.appendChild(li);
    while (log.children.length > 300) log.removeChild(log.firstChild);
    log.scrollTop = log.scrollHeight;
  }

  function logFromView(view) {
    if (app.logged === 0 && view.seq > 0) backfill(view.seq);
    app.logged = Math.max(app.logged, view.seq);
  }

  /** The log of what happened before this page saw the game (a reload, a late spectator). */
  function backfill(upTo) {
    var from = Math.max(1, upTo - 299);
    api('GET', '/games/' + encodeURIComponent(app.gameId) + '/events?from_seq=' + from).then(function (page) {
      var log = $('log');
      var first = log.firstChild;
      (page.events || []).forEach(function (e) {
        if (e.seq > upTo) return;
        var text = describe(e);
        if (!text) return;
        var li = document.createElement('li');
        li.textContent = text;
        li.value = e.seq;
        log.insertBefore(li, first);
      });
      log.scrollTop = log.scrollHeight;
    }).catch(function () { /* the log is a convenience */ });
  }

  function logEvent(e, seq) {
    if (seq <= app.logged) return;
    app.logged = seq;
    var text = describe(e);
    if (text) logLine(text, seq);
  }

  function describe(e) {
    var who = function (seat) { return nameOf(seat) + ' (' + COLORS[seat] + ')'; };
    var text = null;
    switch (e.type) {
      case 'PLAYER_JOINED': text = e.display_name + ' joined as ' + COLORS[e.seat] + (e.bot ? ' (bot)' : ''); break;
      case 'PLAYER_LEFT': text = who(e.seat) + ' left'; break;
      case 'GAME_STARTED': text = 'The game started'; break;
      case 'DICE_ROLLED':
        text = who(e.seat) + ' rolled ' + e.dice_value + ((e.legal_moves || []).length ? '' : ' — no move');
        break;
      case 'TOKEN_MOVED':
        text = who(e.seat) + ' moved token ' + (e.token_index + 1) + ' ' + where(e.from) + ' → ' + where(e.to);
        (e.captured_tokens || []).forEach(function (c) {
          text += ', capturing ' + nameOf(c.seat) + "'s token " + (c.token_index + 1);
        });
        break;
      case 'TURN_PASSED': text = 'Turn passes to ' + who(e.to_seat); break;
      case 'PLAYER_FINISHED': text = who(e.seat) + ' brought every token home'; break;
      case 'TURN_TIMER_SET': text = 'Each turn has ' + Math.round(e.turn_timeout_ms / 1000) + ' s'; break;
      case 'TURN_TIMED_OUT': text = who(e.seat) + ' ran out of time'; break;
      case 'PLAYER_RETURNED': text = who(e.seat) + ' is back'; break;
      case 'GAME_FINISHED': text = 'Game over: ' + (e.winner === null || e.winner === undefined ? 'no winner' : who(e.winner) + ' wins!'); break;
      default: text = null;
    }
    return text;
  }

  function where(progress) {
    if (progress < 0) return 'yard';
    if (progress >= 56) return 'home';
    return String(progress);
  }

  // ---------- rendering ----------

  function mine() {
    return app.seat !== null && app.view && app.view.status === 'PLAYING' && app.view.current === app.seat.seat;
  }

  function render() {
    var v = app.view;
    if (!v) { $('turn').textContent = 'Loading…'; return; }
    var mySeat = app.seat ? app.seat.seat : null;
    var movable = mine() && v.phase === 'MOVE' && !app.pending ? (v.legal_moves || []) : [];
    var names = {};
    (v.players || []).forEach(function (p) { names[p.seat] = p.display_name; });
    app.board.render(v, mySeat, movable, names);

    var turn = $('turn');
    turn.textContent = '';
    turn.classList.remove('winner');
    if (v.status === 'WAITING') {
      turn.textContent = 'Waiting for players: ' + (v.players || []).length + ' of ' + v.max_players;
    } else if (v.status === 'FINISHED' || v.phase === 'FINISHED') {
      turn.classList.add('winner');
      if (v.winner !== null && v.winner !== undefined) {
        turn.appendChild(swatch(v.winner));
        turn.appendChild(document.createTextNode('Winner: ' + nameOf(v.winner) + ' (' + COLORS[v.winner] + ')'
          + (v.winner === mySeat ? ' — you won!' : '')));
      } else {
        turn.textContent = 'Game over';
      }
    } else if (v.current !== null && v.current !== undefined) {
      turn.appendChild(swatch(v.current));
      var yours = v.current === mySeat;
      turn.appendChild(document.createTextNode(yours
        ? 'Your turn: ' + (v.phase === 'ROLL' ? 'roll the dice' : 'move a highlighted token')
        : nameOf(v.current) + "'s turn (" + COLORS[v.current] + ')' + (v.phase === 'MOVE' ? ', moving' : ', rolling')));
    }
    turn.setAttribute('data-current', v.current === null || v.current === undefined ? '' : v.current);
    turn.setAttribute('data-status', v.status || '');

    var last = v.dice || app.lastRoll || null;
    $('dice').textContent = last ? DICE_FACES[last] + ' ' + last : '–';
    $('dice').setAttribute('aria-label', last ? 'last dice ' + last : 'no dice yet');

    $('roll').disabled = !(mine() && v.phase === 'ROLL') || app.pending;
    var canStart = app.seat && v.status === 'WAITING' && (v.players || []).length >= 2
      && lowestSeat(v) === app.seat.seat;
    $('start').hidden = !canStart;
    $('share').hidden = !app.seat || v.status !== 'WAITING';
    if (v.invite_code) {
      $('invite-code').textContent = v.invite_code;
    }
    var over = v.status === 'FINISHED' || v.phase === 'FINISHED';
    $('again').hidden = !(app.seat && over);
    $('again-text').textContent = v.rematch_game_id ? 'A rematch is waiting for you.' : 'Play again with the same people?';
    $('rematch').textContent = v.rematch_game_id ? 'Join the rematch' : 'Play again';

    var moves = $('moves');
    moves.textContent = '';
    movable.forEach(function (i) {
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = 'Token ' + (i + 1);
      b.setAttribute('aria-label', 'Move token ' + (i + 1) + ', ' + LudoBoard.describe(mySeat, v.tokens[mySeat][i]));
      b.addEventListener('click', function () { move(i); });
      moves.appendChild(b);
    });

    renderClock();
    $('watching').textContent = v.spectators ? '(' + v.spectators + ' watching)' : '';

    var list = $('players');
    list.textContent = '';
    (v.players || []).slice().sort(function (a, b) { return a.seat - b.seat; }).forEach(function (p) {
      var li = document.createElement('li');
      li.appendChild(swatch(p.seat));
      var home = v.tokens && v.tokens[p.seat] ? v.tokens[p.seat].filter(function (x) { return x === 56; }).length : 0;
      li.appendChild(document.createTextNode(p.display_name + ' — ' + p.color + (p.bot ? ', bot' : '')
        + (p.left ? ', left' : p.away ? ', away' : (online(p) ? '' : ', offline'))
        + (p.strikes ? ', ' + p.strikes + ' strike' + (p.strikes > 1 ? 's' : '') : '') + (v.status !== 'WAITING' ? ', ' + home + '/4 home' : '')));
      if (mySeat === p.seat) { li.className = 'me'; li.appendChild(document.createTextNode(' (you)')); }
      else if (!online(p) || p.left) li.className = 'off';
      list.appendChild(li);
    });
  }

  /** Seconds left in the turn when the game has a turn timer (the server's clock decides). */
  function renderClock() {
    var v = app.view;
    var clock = $('clock');
    if (!v || v.status !== 'PLAYING' || !v.turn_deadline) { clock.textContent = ''; return; }
    var left = Math.max(0, Math.ceil((v.turn_deadline - Date.now()) / 1000));
    clock.textContent = left + ' s left for this turn';
  }
  setInterval(renderClock, 1000);

  /** Presence as far as this page knows: the view's flag, bots always, this page's own seat while live. */
  function online(p) {
    if (p.bot || p.connected) return true;
    return app.seat !== null && p.seat === app.seat.seat && app.eb !== null && app.eb.state === EventBus.OPEN;
  }

  function lowestSeat(v) {
    return (v.players || []).reduce(function (m, p) { return Math.min(m, p.seat); }, 4);
  }

  // ---------- the bridge ----------

  function address(kind) { return 'ludo.game.' + app.gameId + '.' + kind; }

  function connect() {
    conn('connecting', 'connecting…');
    // pings every 5 s (the library's default), well inside the bridge's 10 s idle timeout
    var eb = new EventBus('/eventbus', { vertxbus_reconnect_delay_min: 500, vertxbus_reconnect_delay_max: 8000 });
    app.eb = eb;
    eb.enableReconnect(true);
    eb.onopen = function () {
      // Also after every reconnect: the library forgets its handlers with the old socket.
      app.opens++;
      conn('live', 'live');
      app.registered = null;
      register();
      refetch();
    };
    eb.onclose = function () {
      conn('offline', 'reconnecting…');
      app.registered = null;
      if (app.pending) { app.pending = false; render(); }
    };
    eb.onerror = function (err) {
      var what = err && (err.body || err.message || err.failureType);
      if (what === 'access_denied' && app.seat) {
        notice('The server refused this page\'s seat token; you are watching only.', 'error');
      }
    };
  }

  function register() {
    if (!app.eb || app.eb.state !== EventBus.OPEN) return;
    var handler = function (err, msg) {
      if (err) { refused(err); return; }
      onMessage(msg.body);
    };
    app.registered = handler;
    app.eb.registerHandler(address('events'), app.seat ? { token: app.seat.token } : {}, handler);
  }

  /** The bridge refused the registration (its error frame names a stable code). */
  function refused(err) {
    var code = err.failureType;
    if (app.seat && (code === 'UNAUTHORIZED' || code === 'FORBIDDEN')) {
      // a token from an old session or another server: keep watching without the seat
      notice('This tab\'s seat could not be used (' + (err.message || code) + '); you are watching.', 'error');
      try { sessionStorage.removeItem(storageKey(app.gameId)); } catch (e) { /* private mode */ }
      var stale = app.registered;
      app.seat = null;
      app.registered = null;
      try { app.eb.unregisterHandler(address('events'), {}, stale); } catch (e) { /* closing */ }
      register();
      render();
      return;
    }
    notice(code === 'GAME_NOT_FOUND' ? 'No such game: ' + app.gameId : 'Live updates refused: ' + (err.message || code), 'error');
  }

  function reregister() {
    if (!app.eb || app.eb.state !== EventBus.OPEN) return;
    if (app.registered) {
      try {
        app.eb.unregisterHandler(address('events'), app.seat ? { token: app.seat.token } : {}, app.registered);
      } catch (e) { /* closing */ }
    }
    register();
  }

  /** A command over the bridge, or over REST when the bridge is absent. */
  function command(body) {
    if (!app.seat || app.pending) return;
    app.pending = true;
    render();
    var done = function (reply) {
      app.pending = false;
      if (reply && reply.type === 'error') {
        notice(reply.message || reply.code, 'error');
        refetch();
      } else {
        notice(null);
        // Events normally arrive before or just after the ack; if they do not, ask the view.
        var seq = reply && reply.turn && reply.turn.seq;
        if (seq && (!app.view || app.view.seq < seq)) {
          setTimeout(function () { if (!app.view || app.view.seq < seq) refetch(); }, 1500);
        }
      }
      render();
    };
    if (app.eb) {
      if (app.eb.state !== EventBus.OPEN) { app.pending = false; notice('Not connected; retrying…', 'error'); render(); return; }
      app.eb.send(address('commands'), body, { token: app.seat.token }, function (err, reply) {
        if (err) done({ type: 'error', code: err.failureType, message: err.message || 'the command failed' });
        else done(reply.body);
      });
    } else {
      var path = '/games/' + encodeURIComponent(app.gameId) + '/' + body.type;
      var rest = body.type === 'move'
        ? { player_id: app.seat.player_id, token_index: body.token_index, dice_value: body.dice_value } : undefined;
      api('POST', path, rest, app.seat.token).then(function (reply) {
        done(reply);
        refetch();
      }).catch(function (err) { done({ type: 'error', code: err.code, message: err.message }); });
    }
  }

  function roll() { command({ type: 'roll' }); }

  function startGame() { command({ type: 'start' }); }

  function move(index) {
    if (!app.view || app.view.phase !== 'MOVE') return;
    var body = { type: 'move', token_index: index };
    if (typeof app.view.dice === 'number') body.dice_value = app.view.dice;   // a stale page gets STALE_DICE
    command(body);
  }

  // ---------- playing with friends ----------

  function wireFriends() {
    $('code-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var code = $('code-input').value.trim();
      var name = $('code-name').value.trim();
      $('code-button').disabled = true;
      api('POST', '/invites/' + encodeURIComponent(code) + '/join', { player_name: name }).then(function (reply) {
        seated(reply, name);
      }).catch(function (err) {
        notice(err.code === 'INVITE_NOT_FOUND' ? 'No game is waiting with code ' + code.toUpperCase()
          + ': it may have started already.' : 'Could not join: ' + err.message, 'error');
      }).then(function () { $('code-button').disabled = false; });
    });
    $('copy-code').addEventListener('click', function () {
      var code = $('invite-code').textContent;
      if (navigator.clipboard) navigator.clipboard.writeText(code).catch(function () {});
      $('copy-code').textContent = 'Copied';
    });
    $('rematch').addEventListener('click', function () {
      if (!app.seat) return;
      $('rematch').disabled = true;
      api('POST', '/games/' + encodeURIComponent(app.gameId) + '/rematch', undefined, app.seat.token).then(function (reply) {
        saveSeat(reply.game_id, { player_id: reply.player_id, token: reply.token, seat: reply.seat, name: app.seat.name });
        location.search = '?game=' + encodeURIComponent(reply.game_id);
      }).catch(function (err) {
        $('rematch').disabled = false;
        notice('Could not start a rematch: ' + err.message, 'error');
      });
    });
    $('chat-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var text = $('chat-text').value.trim();
      if (!text || !app.seat) return;
      $('chat-send').disabled = true;
      var done = function (error) {
        $('chat-send').disabled = false;
        if (error) notice(error, 'error');
        else { $('chat-text').value = ''; notice(null); }
      };
      if (app.eb && app.eb.state === EventBus.OPEN) {
        app.eb.send(address('commands'), { type: 'chat', text: text }, { token: app.seat.token }, function (err, reply) {
          if (err) done(err.message || err.failureType);
          else if (reply.body && reply.body.type === 'error') done(reply.body.message || reply.body.code);
          else { showChat(reply.body); done(null); }
        });
      } else {
        api('POST', '/games/' + encodeURIComponent(app.gameId) + '/chat', { text: text }, app.seat.token)
          .then(function (line) { showChat(line); done(null); })
          .catch(function (err) { done(err.message); });
      }
    });
  }

  /** The public games still waiting, newest first; each can be joined from here. */
  function refreshLobby() {
    api('GET', '/lobby?limit=20').then(function (lobby) {
      var list = $('open-games');
      list.textContent = '';
      (lobby.games || []).forEach(function (g) {
        var li = document.createElement('li');
        var label = document.createElement('span');
        label.textContent = (g.room_name || 'Game ' + g.game_id) + ' — ' + g.seated + ' of ' + g.max_players + ' seated';
        var join = document.createElement('a');
        join.className = 'button';
        join.href = '?game=' + encodeURIComponent(g.game_id);
        join.textContent = 'Join';
        join.setAttribute('aria-label', 'Join ' + label.textContent);
        li.appendChild(label);
        li.appendChild(join);
        list.appendChild(li);
      });
      $('open-games-empty').hidden = (lobby.games || []).length > 0;
    }).catch(function () { /* the list is a convenience; the next refresh tries again */ });
  }

  function loadChat() {
    api('GET', '/games/' + encodeURIComponent(app.gameId) + '/chat').then(function (page) {
      (page.messages || []).forEach(showChat);
    }).catch(function () { /* chat history is a convenience */ });
  }

  function showChat(line) {
    if (!line || line.text === undefined) return;
    var key = line.at + '/' + line.seat + '/' + line.text;
    if (app.chatSeen[key]) return;
    app.chatSeen[key] = true;
    var li = document.createElement('li');
    var who = document.createElement('span');
    who.className = 'who';
    who.appendChild(swatch(line.seat));
    who.appendChild(document.createTextNode(line.player_name + ': '));
    li.appendChild(who);
    li.appendChild(document.createTextNode(line.text));   // text, never HTML
    var list = $('chat-lines');
    list.appendChild(li);
    while (list.children.length > 100) list.removeChild(list.firstChild);
    list.scrollTop = list.scrollHeight;
  }

  window.LudoApp = app;   // for debugging and the browser test
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
