// bottleneck/light.js is the build both Octokit plugins load (no Redis clustering); its
// package types only the full entry, whose API the light build shares.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
