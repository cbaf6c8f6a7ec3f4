namespace WeLink.Sandbox.Wecom;

/// <summary>
/// The stand-in for the JS bridge the WeCom client injects into every page it opens: <c>window.WeixinJSBridge</c> with
/// <c>invoke(name, params, callback)</c> and <c>on(name, callback)</c>, then the <c>WeixinJSBridgeReady</c> event that
/// @wecom/jssdk waits for. Each invoke goes to the sandbox (<see cref="ClientBridge"/>), which answers from the simulated
/// world as the client would, with the page's URL the client knows (without its <c>#</c> part, as WeCom signs it).
/// </summary>
internal static class BridgeScript
{
    public const string Source = """
        (function () {
          'use strict';
          if (window.WeixinJSBridge) return;
          var listeners = {};
          function answer(name, params) {
            return fetch('/sandbox/wecom/bridge/invoke', {
              method: 'POST',
              credentials: 'same-origin',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ name: name, url: location.href.split('#')[0], params: params || {} })
            }).then(function (response) { return response.json(); })
              .catch(function () { return { err_msg: name + ':fail network error' }; });
          }
          window.WeixinJSBridge = {
            invoke: function (name, params, callback) {
              answer(name, params).then(function (result) { if (typeof callback === 'function') callback(result); });
            },
            on: function (name, callback) { (listeners[name] = listeners[name] || []).push(callback); }
          };
          document.dispatchEvent(new Event('WeixinJSBridgeReady'));
        })();
        """;
}
