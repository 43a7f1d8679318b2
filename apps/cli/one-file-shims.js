// Prepended to dist/yusuan.mjs. pdf.js creates a DOMMatrix when it loads; in Node it takes one from the
// native @napi-rs/canvas package, which a single file cannot carry. Reading text and ruling lines never
// renders, so a plain 2-D matrix is enough.
if (typeof globalThis.DOMMatrix === "undefined") {
  globalThis.DOMMatrix = class DOMMatrix {
    constructor(init) {
      const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = Array.isArray(init) ? init : [];
      Object.assign(this, { a, b, c, d, e, f });
    }
    get m11() {
      return this.a;
    }
    get m12() {
      return this.b;
    }
    get m21() {
      return this.c;
    }
    get m22() {
      return this.d;
    }
    get m41() {
      return this.e;
    }
    get m42() {
      return this.f;
    }
    get is2D() {
      return true;
    }
    get isIdentity() {
      return this.a === 1 && this.b === 0 && this.c === 0 && this.d === 1 && this.e === 0 && this.f === 0;
    }
    multiplySelf(m) {
      const { a, b, c, d, e, f } = this;
      return Object.assign(this, {
        a: a * m.a + c * m.b,
        b: b * m.a + d * m.b,
        c: a * m.c + c * m.d,
        d: b * m.c + d * m.d,
        e: a * m.e + c * m.f + e,
        f: b * m.e + d * m.f + f,
      });
    }
    preMultiplySelf(m) {
      const copy = new DOMMatrix([m.a, m.b, m.c, m.d, m.e, m.f]);
      const r = copy.multiplySelf(this);
      return Object.assign(this, { a: r.a, b: r.b, c: r.c, d: r.d, e: r.e, f: r.f });
    }
    multiply(m) {
      return new DOMMatrix([this.a, this.b, this.c, this.d, this.e, this.f]).multiplySelf(m);
    }
    translateSelf(x = 0, y = 0) {
      return this.multiplySelf(new DOMMatrix([1, 0, 0, 1, x, y]));
    }
    translate(x, y) {
      return this.multiply(new DOMMatrix([1, 0, 0, 1, x || 0, y || 0]));
    }
    scaleSelf(sx = 1, sy = sx) {
      return this.multiplySelf(new DOMMatrix([sx, 0, 0, sy, 0, 0]));
    }
    scale(sx = 1, sy = sx) {
      return this.multiply(new DOMMatrix([sx, 0, 0, sy, 0, 0]));
    }
    invertSelf() {
      const { a, b, c, d, e, f } = this;
      const det = a * d - b * c;
      if (!det) return Object.assign(this, { a: NaN, b: NaN, c: NaN, d: NaN, e: NaN, f: NaN });
      return Object.assign(this, {
        a: d / det,
        b: -b / det,
        c: -c / det,
        d: a / det,
        e: (c * f - d * e) / det,
        f: (b * e - a * f) / det,
      });
    }
    inverse() {
      return new DOMMatrix([this.a, this.b, this.c, this.d, this.e, this.f]).invertSelf();
    }
    transformPoint(p = {}) {
      const x = p.x || 0,
        y = p.y || 0;
      return { x: this.a * x + this.c * y + this.e, y: this.b * x + this.d * y + this.f, z: 0, w: 1 };
    }
  };
}
// The other two classes pdf.js looks for in Node, only used when rendering to a canvas: present, so that
// pdf.js does not try (and warn about) loading the native package.
if (typeof globalThis.ImageData === "undefined") {
  globalThis.ImageData = class ImageData {
    constructor(data, width, height) {
      if (typeof data === "number")
        [data, width, height] = [new Uint8ClampedArray(data * width * 4), data, width];
      Object.assign(this, { data, width, height: height ?? data.length / 4 / width, colorSpace: "srgb" });
    }
  };
}
if (typeof globalThis.Path2D === "undefined") {
  globalThis.Path2D = class Path2D {
    addPath() {}
    moveTo() {}
    lineTo() {}
    bezierCurveTo() {}
    quadraticCurveTo() {}
    rect() {}
    closePath() {}
  };
}
