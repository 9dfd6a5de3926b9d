/** The dashboard's CSS, inlined in its page: no other request, no font or stylesheet from elsewhere. */
export const dashboardStyle = `
:root { font-family: system-ui, sans-serif; color: #1b1f24; background: #fff; }
body { margin: 0; }
header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; padding: .6rem 1rem; background: #f3f5f7; border-bottom: 1px solid #d8dde3; }
nav { display: flex; gap: .25rem; }
nav a { padding: .3rem .7rem; border-radius: 4px; text-decoration: none; color: #24466b; }
nav a.current { background: #24466b; color: #fff; }
.token-bar { margin-left: auto; display: flex; gap: .4rem; }
main { padding: 0 1rem 2rem; max-width: 1100px; }
h1 { font-size: 1.4rem; }
.controls { display: flex; flex-wrap: wrap; gap: .6rem 1rem; align-items: end; margin: .5rem 0 1rem; }
.controls label { font-size: .85rem; color: #4a5561; }
.controls input[type=number] { width: 5em; }
.panel { border: 1px solid #d8dde3; border-radius: 6px; padding: .5rem 1rem 1rem; margin: 1rem 0; overflow-x: auto; }
.panel header { background: none; border: 0; padding: 0; justify-content: space-between; }
.panel h2 { font-size: 1.05rem; margin: .4rem 0; }
.downloads button, button { font: inherit; font-size: .85rem; padding: .2rem .6rem; }
table { border-collapse: collapse; font-size: .85rem; margin: .5rem 0; }
th, td { text-align: left; padding: .25rem .6rem; border-bottom: 1px solid #e6e9ed; vertical-align: top; }
.columns { display: flex; flex-wrap: wrap; gap: 1.5rem; }
td a.current { font-weight: 700; color: #1b1f24; text-decoration: none; }
.tag { display: inline-block; background: #eef2f6; border-radius: 3px; padding: 0 .35rem; margin: 0 .2rem .1rem 0; font-size: .8rem; }
.state { padding: .8rem 1rem; border-radius: 6px; background: #f3f5f7; }
.state.error { background: #fdecec; color: #8a1c1c; }
.status.ok { color: #1d6b33; }
.status.failed { color: #b3261e; font-weight: 600; }
code { background: #eef2f6; padding: 0 .25rem; border-radius: 3px; }
`;
