;; MaxPool's gradient for 2×2 windows, stride 2, every window whole, channels
;; last, four channels per SIMD lane group (c a multiple of 4). Reads and writes
;; tfjs-backend-wasm's own heap: every address is a byte offset into it.
;;
;; Each window's dy goes to its first input (row-major) equal to the pooled
;; output y, which MaxPool took from one of them; none when y is −∞ or NaN.
;; Without branches: masks from f32x4.eq, the winner kept by and-not, and dy
;; written through the mask (dy's bits or +0), so every input is written once.
(module
  (import "env" "memory" (memory 1))
  (func (export "maxPoolGrad2x2")
    (param $x i32) (param $y i32) (param $g i32) (param $dx i32)
    (param $n i32) (param $h i32) (param $w i32) (param $c i32) (param $oh i32) (param $ow i32)
    (local $cb i32) (local $rs i32) (local $b i32) (local $oy i32) (local $ox i32) (local $d i32)
    (local $corner i32) (local $at i32) (local $yAt i32)
    (local $m v128) (local $gv v128) (local $left v128) (local $e v128) (local $ninf v128)
    (local.set $cb (i32.shl (local.get $c) (i32.const 2)))
    (local.set $rs (i32.mul (local.get $w) (local.get $cb)))
    (local.set $ninf (f32x4.splat (f32.const -inf)))
    (local.set $b (i32.const 0))
    (block $bDone (loop $bLoop
      (br_if $bDone (i32.ge_u (local.get $b) (local.get $n)))
      (local.set $oy (i32.const 0))
      (block $oyDone (loop $oyLoop
        (br_if $oyDone (i32.ge_u (local.get $oy) (local.get $oh)))
        ;; byte offset of the window row's first input: ((b·h + 2·oy)·w)·c·4
        (local.set $corner
          (i32.mul
            (i32.add (i32.mul (local.get $b) (local.get $h)) (i32.shl (local.get $oy) (i32.const 1)))
            (local.get $rs)))
        (local.set $ox (i32.const 0))
        (block $oxDone (loop $oxLoop
          (br_if $oxDone (i32.ge_u (local.get $ox) (local.get $ow)))
          (local.set $d (i32.const 0))
          (block $dDone (loop $dLoop
            (br_if $dDone (i32.ge_u (local.get $d) (local.get $cb)))
            (local.set $m (v128.load (i32.add (local.get $y) (i32.add (local.get $yAt) (local.get $d)))))
            (local.set $gv (v128.load (i32.add (local.get $g) (i32.add (local.get $yAt) (local.get $d)))))
            (local.set $left (f32x4.gt (local.get $m) (local.get $ninf)))
            (local.set $at (i32.add (local.get $corner) (local.get $d)))
            ;; top left
            (local.set $e (v128.and (local.get $left) (f32x4.eq (v128.load (i32.add (local.get $x) (local.get $at))) (local.get $m))))
            (local.set $left (v128.andnot (local.get $left) (local.get $e)))
            (v128.store (i32.add (local.get $dx) (local.get $at)) (v128.and (local.get $gv) (local.get $e)))
            ;; top right
            (local.set $at (i32.add (local.get $at) (local.get $cb)))
            (local.set $e (v128.and (local.get $left) (f32x4.eq (v128.load (i32.add (local.get $x) (local.get $at))) (local.get $m))))
            (local.set $left (v128.andnot (local.get $left) (local.get $e)))
            (v128.store (i32.add (local.get $dx) (local.get $at)) (v128.and (local.get $gv) (local.get $e)))
            ;; bottom left
            (local.set $at (i32.add (i32.sub (local.get $at) (local.get $cb)) (local.get $rs)))
            (local.set $e (v128.and (local.get $left) (f32x4.eq (v128.load (i32.add (local.get $x) (local.get $at))) (local.get $m))))
            (local.set $left (v128.andnot (local.get $left) (local.get $e)))
            (v128.store (i32.add (local.get $dx) (local.get $at)) (v128.and (local.get $gv) (local.get $e)))
            ;; bottom right
            (local.set $at (i32.add (local.get $at) (local.get $cb)))
            (local.set $e (v128.and (local.get $left) (f32x4.eq (v128.load (i32.add (local.get $x) (local.get $at))) (local.get $m))))
            (v128.store (i32.add (local.get $dx) (local.get $at)) (v128.and (local.get $gv) (local.get $e)))
            (local.set $d (i32.add (local.get $d) (i32.const 16)))
            (br $dLoop)))
          (local.set $corner (i32.add (local.get $corner) (i32.shl (local.get $cb) (i32.const 1))))
          (local.set $yAt (i32.add (local.get $yAt) (local.get $cb)))
          (local.set $ox (i32.add (local.get $ox) (i32.const 1)))
          (br $oxLoop)))
        (local.set $oy (i32.add (local.get $oy) (i32.const 1)))
        (br $oyLoop)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $bLoop)))))
