import { describe, expect, it } from 'vitest';
import { latexToUnicode, renderMath } from '../../src/tui/render/index.js';

describe('latexToUnicode: inputs from the user notes', () => {
  const cases: Array<[string, string]> = [
    ['z = w_0 + w_1 x_A + ... + w_n x_Z + (w_{n + 1}) (x_A \\times x_B)', 'z = w₀ + w₁ x_A + ... + wₙ x_Z + (wₙ₊₁) (x_A × x_B)'],
    ['w (x^T_A \\cdot x_B)', 'w (xᵀ_A · x_B)'],
    ['Z = w([x_A,  1]^T \\cdot [x_B, 1])', 'Z = w([x_A, 1]ᵀ · [x_B, 1])'],
    ['\\sigma(x_A) + (1 - \\sigma)(x_B)', 'σ(x_A) + (1 - σ)(x_B)'],
    ['E_{x_B}[f_A(x_a, x_b)', 'E_(x_B)[f_A(xₐ, x_b)'],
    ['z_A = g_A(x_a, x_b) x_A', 'z_A = g_A(xₐ, x_b) x_A'],
    ['p(y|\\text{do}(\\text{zebras} = 1))', 'p(y|do(zebras = 1))'],
    ['\\mathbb{E}_{x}[f(x)]', '𝔼ₓ[f(x)]'],
    ['\\frac{1}{2}', '1/2'],
  ];
  it.each(cases)('%s', (src, expected) => {
    expect(latexToUnicode(src)).toBe(expected);
  });
});

describe('latexToUnicode: conversion families', () => {
  it('Greek letters', () => {
    expect(latexToUnicode('\\alpha\\beta\\gamma\\delta\\epsilon\\theta\\lambda\\mu\\pi\\sigma\\tau\\phi\\omega')).toBe('αβγδεθλμπστφω');
    expect(latexToUnicode('\\Gamma, \\Delta, \\Theta, \\Lambda, \\Pi, \\Sigma, \\Phi, \\Psi, \\Omega')).toBe('Γ, Δ, Θ, Λ, Π, Σ, Φ, Ψ, Ω');
    // Like LaTeX, adjacent letters bind: \alpha \beta x → αβx
    expect(latexToUnicode('\\alpha \\beta x')).toBe('αβx');
  });

  it('operators, relations and arrows', () => {
    const pairs: Array<[string, string]> = [
      ['\\times', '×'], ['\\cdot', '·'], ['\\pm', '±'], ['\\leq', '≤'], ['\\geq', '≥'], ['\\neq', '≠'],
      ['\\approx', '≈'], ['\\sum', '∑'], ['\\prod', '∏'], ['\\int', '∫'], ['\\infty', '∞'], ['\\partial', '∂'],
      ['\\nabla', '∇'], ['\\in', '∈'], ['\\forall', '∀'], ['\\exists', '∃'], ['\\to', '→'], ['\\rightarrow', '→'],
      ['\\leftarrow', '←'], ['\\Rightarrow', '⇒'], ['\\mid', '|'], ['\\ldots', '…'], ['\\cdots', '⋯'], ['\\odot', '⊙'],
      ['\\otimes', '⊗'], ['\\oplus', '⊕'], ['\\circ', '∘'], ['\\langle', '⟨'], ['\\rangle', '⟩'], ['\\|', '‖'],
      ['\\lVert', '‖'], ['\\rVert', '‖'],
    ];
    for (const [src, out] of pairs) expect(latexToUnicode(src), src).toBe(out);
    expect(latexToUnicode('a \\times b')).toBe('a × b');
    expect(latexToUnicode('\\lVert x \\rVert_2')).toBe('‖ x ‖₂');
    expect(latexToUnicode('\\langle a, b \\rangle')).toBe('⟨ a, b ⟩');
  });

  it('ordinary symbols bind to a following letter, operators keep spacing', () => {
    expect(latexToUnicode('\\partial L')).toBe('∂L');
    expect(latexToUnicode('\\forall x \\in X')).toBe('∀x ∈ X');
    expect(latexToUnicode('\\alpha + \\beta')).toBe('α + β');
    expect(latexToUnicode('\\sin x + \\log y')).toBe('sin x + log y');
  });

  it('blackboard bold, calligraphic and fraktur letters', () => {
    expect(latexToUnicode('\\mathbb{E}')).toBe('𝔼');
    expect(latexToUnicode('\\mathbb{R} \\mathbb{N} \\mathbb{Z} \\mathbb{Q} \\mathbb{C}')).toBe('ℝ ℕ ℤ ℚ ℂ');
    expect(latexToUnicode('\\mathbb{A}\\mathbb{P}\\mathbb 1')).toBe('𝔸ℙ𝟙');
    expect(latexToUnicode('\\mathcal{L}')).toBe('ℒ');
    expect(latexToUnicode('\\mathcal{A}\\mathcal{N}')).toBe('𝒜𝒩');
    expect(latexToUnicode('\\mathfrak{g}')).toBe('𝔤');
  });

  it('text-like commands give the plain text', () => {
    expect(latexToUnicode('\\text{do}')).toBe('do');
    expect(latexToUnicode('\\mathrm{x}')).toBe('x');
    expect(latexToUnicode('\\operatorname{softmax}(z)')).toBe('softmax(z)');
    expect(latexToUnicode('\\mathrm{d}x')).toBe('dx');
    expect(latexToUnicode('x \\text{ if } y')).toBe('x if y');
    expect(latexToUnicode('\\mathbf{x}^T \\boldsymbol{\\theta}')).toBe('xᵀ θ');
  });

  it('subscripts: Unicode where it exists, readable fallback otherwise', () => {
    expect(latexToUnicode('x_a')).toBe('xₐ');
    expect(latexToUnicode('x_0 x_9 x_i x_j x_n x_t')).toBe('x₀ x₉ xᵢ xⱼ xₙ xₜ');
    expect(latexToUnicode('x_{n+1}')).toBe('xₙ₊₁');
    expect(latexToUnicode('x_{ij}')).toBe('xᵢⱼ');
    expect(latexToUnicode('x_A')).toBe('x_A');
    expect(latexToUnicode('x_b')).toBe('x_b');
    expect(latexToUnicode('x_{AB}')).toBe('x_AB');
    expect(latexToUnicode('x_{i,j}')).toBe('x_(i,j)');
    expect(latexToUnicode('\\theta_\\beta')).toBe('θᵦ');
  });

  it('superscripts: Unicode where it exists, ^(...) otherwise', () => {
    expect(latexToUnicode('x^T')).toBe('xᵀ');
    expect(latexToUnicode('x^2')).toBe('x²');
    expect(latexToUnicode('x^{n+1}')).toBe('xⁿ⁺¹');
    expect(latexToUnicode('W^{-1}')).toBe('W⁻¹');
    expect(latexToUnicode('x^{*}')).toBe('x*');
    expect(latexToUnicode("f^\\prime")).toBe('f′');
    expect(latexToUnicode('x^Q')).toBe('x^Q');
    expect(latexToUnicode('x^{n+q}')).toBe('x^(n+q)');
    expect(latexToUnicode('e^{-x^2/2}')).toBe('e^(-x²/2)');
    expect(latexToUnicode('\\sum_{i=1}^{n} x_i')).toBe('∑ᵢ₌₁ⁿ xᵢ');
    expect(latexToUnicode('\\int_0^\\infty f')).toBe('∫₀^∞ f');
  });

  it('fractions and roots', () => {
    expect(latexToUnicode('\\frac{a}{b}')).toBe('a/b');
    expect(latexToUnicode('\\frac{a+b}{c+d}')).toBe('(a+b)/(c+d)');
    expect(latexToUnicode('\\frac{n(n+1)}{2}')).toBe('n(n+1)/2');
    expect(latexToUnicode('\\frac{\\partial L}{\\partial w}')).toBe('∂L/∂w');
    expect(latexToUnicode('\\dfrac12')).toBe('1/2');
    expect(latexToUnicode('\\sqrt{x}')).toBe('√x');
    expect(latexToUnicode('\\sqrt{x+1}')).toBe('√(x+1)');
    expect(latexToUnicode('\\sqrt[3]{x}')).toBe('∛x');
  });

  it('accents use combining characters', () => {
    expect(latexToUnicode('\\hat{x}')).toBe('x\u0302');
    expect(latexToUnicode('\\bar{x}')).toBe('x\u0304');
    expect(latexToUnicode('\\tilde{x}')).toBe('x\u0303');
    expect(latexToUnicode('\\vec{v}')).toBe('v\u20d7');
    expect(latexToUnicode('\\hat y')).toBe('y\u0302');
  });

  it('removes braces, sizing commands and spacing commands', () => {
    expect(latexToUnicode('{a}{b}')).toBe('ab');
    expect(latexToUnicode('\\left( \\right)')).toBe('( )');
    expect(latexToUnicode('\\left(\\frac{a}{b}\\right)^2')).toBe('(a/b)²');
    expect(latexToUnicode('\\left\\{ x \\right.')).toBe('{ x');
    expect(latexToUnicode('\\bigl[ x \\bigr]')).toBe('[ x ]');
    expect(latexToUnicode('a\\,b')).toBe('a b');
    expect(latexToUnicode('a\\;b')).toBe('a b');
    expect(latexToUnicode('a\\quad b')).toBe('a  b');
    expect(latexToUnicode('a\\!b')).toBe('ab');
  });

  it('unknown commands become their name', () => {
    expect(latexToUnicode('\\foo')).toBe('foo');
    expect(latexToUnicode('\\argmax_\\theta L')).toBe('argmax_θ L');
    expect(latexToUnicode('\\KL(p \\| q)')).toBe('KL(p ‖ q)');
  });

  it('environments', () => {
    expect(latexToUnicode('\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}')).toBe('(a b; c d)');
    expect(latexToUnicode('|x| = \\begin{cases} x & x \\geq 0 \\\\ -x & \\text{otherwise} \\end{cases}')).toBe(
      '|x| = { x, x ≥ 0; -x, otherwise',
    );
  });

  it('never throws on malformed input', () => {
    const inputs = [
      '', '{', '}', '}}}{{{', '\\', 'x \\', 'x^', 'x_', '^_^', '\\frac', '\\frac{a', '\\frac{a}{', '\\sqrt[', '\\sqrt[3',
      '\\begin{pmatrix', '\\end{cases}', '\\left', '\\right', '\\text{', '\\mathbb{', '\\hat', '&&\\\\', '{'.repeat(5000) + 'x',
      '\\'.repeat(101), '$x$', '\\not', '\\\u0000', '\uE000\uE001',
    ];
    for (const input of inputs) {
      expect(() => latexToUnicode(input), JSON.stringify(input)).not.toThrow();
      expect(typeof latexToUnicode(input)).toBe('string');
    }
    expect(latexToUnicode('{{{ x + y')).toBe('x + y');
    expect(latexToUnicode('a + b}}')).toBe('a + b');
    expect(latexToUnicode('\\frac{a}{')).toBe('a/');
    expect(latexToUnicode('trailing \\')).toBe('trailing');
    expect(latexToUnicode('{'.repeat(5000) + 'x')).toBe('x');
  });
});

describe('renderMath', () => {
  it('converts $...$ and $$...$$ and drops the dollars', () => {
    expect(renderMath('The rule $\\frac{1}{2}$ holds')).toBe('The rule 1/2 holds');
    expect(renderMath('Block: $$x^2 + y^2$$ done')).toBe('Block: x² + y² done');
    expect(renderMath('$\\sigma(x_A)$ and $\\mathbb{E}_{x}[f(x)]$')).toBe('σ(x_A) and 𝔼ₓ[f(x)]');
    expect(renderMath('$$\n\\sum_i x_i\n$$')).toBe('∑ᵢ xᵢ');
  });

  it('does not treat \\$ escapes or prices as math', () => {
    expect(renderMath('costs \\$5 and \\$10')).toBe('costs $5 and $10');
    expect(renderMath('costs $5 and $10 today')).toBe('costs $5 and $10 today');
    expect(renderMath('between $ x $ spaces')).toBe('between $ x $ spaces');
    expect(renderMath('$x$5')).toBe('$x$5');
  });

  it('leaves `code` alone', () => {
    expect(renderMath('`$x^2$` and $x^2$')).toBe('`$x^2$` and x²');
    expect(renderMath('``a ` $x$ `` and $y_i$')).toBe('``a ` $x$ `` and yᵢ');
    expect(renderMath('```\n$a_i$\n```\n$a_i$')).toBe('```\n$a_i$\n```\naᵢ');
  });

  it('does not cross blank lines and tolerates unclosed dollars', () => {
    expect(renderMath('$a\n\nb$')).toBe('$a\n\nb$');
    expect(renderMath('unclosed $x^2')).toBe('unclosed $x^2');
    expect(renderMath('$$')).toBe('$$');
    expect(renderMath('$')).toBe('$');
  });
});
