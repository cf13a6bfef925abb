/*
 * The Ludo board as SVG, in a 15 x 15 grid (one unit per cell), after RULES.md:
 * a 52-square shared track, seat s starting on absolute square 13*s, a 5-square home column
 * per seat (progress 51..55), home (56) in the middle, and the yards in the corners
 * (seat 0 top left, then clockwise). Seat 0's quarter is drawn; the others are the same
 * quarter turned by 90 degrees per seat, clockwise.
 */
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var COLORS = ['red', 'green', 'yellow', 'blue'];
  var SAFE_DEFAULT = [0, 8, 13, 21, 26, 34, 39, 47];

  // Seat 0's 13 track squares (absolute 0..12) as [column, row].
  var QUARTER = [[1, 6], [2, 6], [3, 6], [4, 6], [5, 6],
                 [6, 5], [6, 4], [6, 3], [6, 2], [6, 1], [6, 0],
                 [7, 0], [8, 0]];

  /** A cell turned clockwise around the board's centre, `times` quarter turns. */
  function turnCell(c, times) {
    var col = c[0], row = c[1];
    for (var i = 0; i < times; i++) { var t = col; col = 14 - row; row = t; }
    return [col, row];
  }
  /** A point (cell units, 0..15) turned the same way. */
  function turnPoint(p, times) {
    var x = p[0], y = p[1];
    for (var i = 0; i < times; i++) { var t = x; x = 15 - y; y = t; }
    return [x, y];
  }

  var TRACK = [];
  for (var s = 0; s < 4; s++) {
    QUARTER.forEach(function (c) { TRACK.push(turnCell(c, s)); });
  }

  function centre(cell) { return [cell[0] + 0.5, cell[1] + 0.5]; }

  var YARD_SPOTS = [[2, 2], [4, 2], [2, 4], [4, 4]];
  var HOME_SPOTS = [[6.45, 7.1], [6.45, 7.9], [6.95, 7.3], [6.95, 7.7]];

  /** Where token `index` of `seat` at `progress` stands, in board units. */
  function place(seat, index, progress) {
    if (progress < 0) return turnPoint(YARD_SPOTS[index], seat);
    if (progress <= 50) return centre(TRACK[(13 * seat + progress) % 52]);
    if (progress <= 55) return centre(turnCell([progress - 50, 7], seat));
    return turnPoint(HOME_SPOTS[index], seat);
  }

  function describe(seat, progress) {
    if (progress < 0) return 'in the yard';
    if (progress <= 50) return 'on square ' + ((13 * seat + progress) % 52) + ' (' + progress + ' from start)';
    if (progress <= 55) return 'in the home column, step ' + (progress - 50) + ' of 5';
    return 'home';
  }

  function el(name, attrs, parent) {
    var e = document.createElementNS(SVG, name);
    for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }

  function drawBase(svg, safe) {
    var base = el('g', { 'class': 'base', 'aria-hidden': 'true' }, svg);
    for (var s = 0; s < 4; s++) {
      var corner = turnPoint([0, 0], s), far = turnPoint([6, 6], s);
      var x = Math.min(corner[0], far[0]), y = Math.min(corner[1], far[1]);
      el('rect', { x: x, y: y, width: 6, height: 6, 'class': 'seat-' + s }, base);
      el('rect', { x: x + 1, y: y + 1, width: 4, height: 4, rx: 0.3, 'class': 'yard-inner' }, base);
      YARD_SPOTS.forEach(function (p) {
        var q = turnPoint(p, s);
        el('circle', { cx: q[0], cy: q[1], r: 0.55, 'class': 'spot' }, base);
      });
      for (var step = 1; step <= 5; step++) {
        var h = turnCell([step, 7], s);
        el('rect', { x: h[0], y: h[1], width: 1, height: 1, 'class': 'cell seat-' + s }, base);
      }
      var tri = [[6, 6], [6, 9], [7.5, 7.5]].map(function (p) { return turnPoint(p, s).join(','); }).join(' ');
      el('polygon', { points: tri, 'class': 'seat-' + s, stroke: '#0006', 'stroke-width': 0.03 }, base);
    }
    TRACK.forEach(function (c, square) {
      var start = square % 13 === 0;
      el('rect', { x: c[0], y: c[1], width: 1, height: 1, 'class': 'cell' + (start ? ' seat-' + (square / 13) : '') }, base);
      if (safe.indexOf(square) >= 0) {
        var t = el('text', { x: c[0] + 0.5, y: c[1] + 0.74, 'text-anchor': 'middle', 'class': 'star' }, base);
        t.textContent = '★';
      }
    });
    return base;
  }

  /**
   * A board in `svg`. `onToken(seat, index)` is called when a movable token is clicked (or
   * chosen with Enter or Space).
   */
  function Board(svg, onToken) {
    this.svg = svg;
    this.onToken = onToken;
    this.safe = null;
    this.tokens = el('g', { 'class': 'tokens' }, null);
  }

  /**
   * Draws `view` (the game view of the API). `movable`: token indices of `mySeat` that may be
   * clicked now (empty when it is not this page's move).
   */
  Board.prototype.render = function (view, mySeat, movable, names) {
    var safe = (view.options && view.options.safeSquares) || SAFE_DEFAULT;
    if (this.safe === null || this.safe.join() !== safe.join()) {
      while (this.svg.firstChild) this.svg.removeChild(this.svg.firstChild);
      drawBase(this.svg, safe);
      this.svg.appendChild(this.tokens);
      this.safe = safe.slice();
    }
    var self = this;
    while (this.tokens.firstChild) this.tokens.removeChild(this.tokens.firstChild);
    // Group tokens standing on the same spot so that each stays visible and clickable.
    var groups = {};
    (view.tokens || []).forEach(function (row, seat) {
      if (!row) return;
      row.forEach(function (progress, index) {
        var p = place(seat, index, progress);
        var key = p[0].toFixed(2) + ':' + p[1].toFixed(2);
        (groups[key] = groups[key] || []).push({ seat: seat, index: index, progress: progress, p: p });
      });
    });
    var canMove = movable || [];
    Object.keys(groups).forEach(function (key) {
      var group = groups[key];
      var n = group.length;
      group.forEach(function (t, k) {
        var r = t.progress >= 56 ? 0.22 : n === 1 ? 0.36 : 0.26;
        var dx = 0, dy = 0;
        if (n > 1) {
          var angle = (2 * Math.PI * k) / n - Math.PI / 4;
          dx = 0.22 * Math.cos(angle); dy = 0.22 * Math.sin(angle);
        }
        var mine = t.seat === mySeat;
        var canClick = mine && canMove.indexOf(t.index) >= 0;
        var who = (names && names[t.seat]) ? names[t.seat] + "'s " : '';
        var label = who + COLORS[t.seat] + ' token ' + (t.index + 1) + ', ' + describe(t.seat, t.progress);
        var g = el('g', {
          'class': 'token' + (canClick ? ' movable' : ''),
          'data-seat': t.seat, 'data-token': t.index, 'data-progress': t.progress,
          transform: 'translate(' + (t.p[0] + dx).toFixed(3) + ' ' + (t.p[1] + dy).toFixed(3) + ')'
        }, self.tokens);
        if (canClick) {
          g.setAttribute('role', 'button');
          g.setAttribute('tabindex', '0');
          g.setAttribute('aria-label', 'Move ' + label);
          var choose = function (e) {
            if (e.type === 'keydown' && e.key !== 'Enter' && e.key !== ' ') return;
            e.preventDefault();
            self.onToken(t.seat, t.index);
          };
          g.addEventListener('click', choose);
          g.addEventListener('keydown', choose);
        } else {
          g.setAttribute('role', 'img');
          g.setAttribute('aria-label', label);
        }
        el('circle', { r: r + 0.1, 'class': 'halo' }, g);
        el('circle', { r: r, 'class': 'body seat-' + t.seat }, g);
        var num = el('text', { 'text-anchor': 'middle', y: 0.15 }, g);
        num.textContent = String(t.index + 1);
        if (n > 1 || t.progress >= 56) num.setAttribute('font-size', '0.3');
      });
    });
    // Movable tokens last, so that they are on top and first for keyboard users among equals.
    Array.prototype.slice.call(this.tokens.querySelectorAll('.token.movable')).forEach(function (g) {
      self.tokens.appendChild(g);
    });
  };

  window.LudoBoard = { Board: Board, COLORS: COLORS, describe: describe, place: place, TRACK: TRACK };
})();
