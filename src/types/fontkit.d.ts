// fontkit 1.x ships no types; pdf-lib only needs to hand it the font bytes.
declare module "fontkit" {
  const fontkit: { create(bytes: Uint8Array): unknown };
  export default fontkit;
}
